package io.hookline.log.store;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the entries queries read from the stores, so tests and metrics can tell a range scan from a full scan. */
@Singleton
public final class ReadCounter {

    private final AtomicLong indexEntries = new AtomicLong();
    private final AtomicLong records = new AtomicLong();

    void indexEntryRead() {
        indexEntries.incrementAndGet();
    }

    void recordRead() {
        records.incrementAndGet();
    }

    public long indexEntries() {
        return indexEntries.get();
    }

    public long records() {
        return records.get();
    }
}
