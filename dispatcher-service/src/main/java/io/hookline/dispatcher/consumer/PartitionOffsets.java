package io.hookline.dispatcher.consumer;

import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The offsets of one partition taken from Kafka and not finished yet. Jobs finish out of order (a slow endpoint's
 * job may finish long after a fast one's), so only the offset below the lowest unfinished one is safe to commit.
 * Used by the poll thread only, but for {@link #isRevoked}.
 */
final class PartitionOffsets {

    private final TreeSet<Long> unfinished = new TreeSet<>();
    private long next = -1;
    private long committed = -1;
    private volatile boolean revoked;

    void started(long offset) {
        unfinished.add(offset);
        next = Math.max(next, offset + 1);
    }

    void finished(long offset) {
        unfinished.remove(offset);
    }

    /** The partition went to another instance, which reads its unfinished jobs again: nothing more to do here. */
    void revoke() {
        revoked = true;
    }

    /** Read from any thread. */
    boolean isRevoked() {
        return revoked;
    }

    int unfinishedCount() {
        return unfinished.size();
    }

    /** The offset to commit now, if it moved since the last commit. */
    OptionalLong toCommit() {
        if (next < 0) {
            return OptionalLong.empty();
        }
        long safe = unfinished.isEmpty() ? next : unfinished.first();
        return safe > committed ? OptionalLong.of(safe) : OptionalLong.empty();
    }

    void committed(long offset) {
        committed = Math.max(committed, offset);
    }
}
