package io.hookline.log.store;

import io.hookline.log.topology.IndexEntry;
import java.time.Instant;

/** One index entry with the time it was stored at. */
public record IndexedAttempt(Instant timestamp, IndexEntry entry) {

    /** Two entries are the same attempt when written twice (the log is at-least-once). */
    boolean sameAttemptAs(IndexedAttempt other) {
        return other != null && timestamp.equals(other.timestamp())
                && entry.deliveryId().equals(other.entry().deliveryId()) && entry.attempt() == other.entry().attempt();
    }
}
