package io.hookline.matcher.freshness;

import java.util.Map;

/**
 * {@code webhook-config}'s committed end offsets as Kafka gave them to a request sent after {@code startedNanos}
 * ({@link System#nanoTime}) and {@code startedAtMillis} (the matcher's wall clock).
 */
record OffsetSnapshot(long startedAtMillis, long startedNanos, Map<Integer, Long> offsets) {

    OffsetSnapshot {
        offsets = Map.copyOf(offsets);
    }

    /**
     * Whether this snapshot holds every change acknowledged before an event was produced: it was asked for after the
     * gate saw the event (so after the event was produced), or after the event's timestamp plus the allowed clock
     * skew. A timestamp of 1 ms granularity needs the snapshot's millisecond to be later, not equal.
     */
    boolean covers(long eventTimestamp, long eventSeenNanos, long clockSkewMillis) {
        if (startedNanos - eventSeenNanos > 0) {
            return true;
        }
        return eventTimestamp >= 0 && eventTimestamp <= Long.MAX_VALUE - clockSkewMillis
                && startedAtMillis > eventTimestamp + clockSkewMillis;
    }
}
