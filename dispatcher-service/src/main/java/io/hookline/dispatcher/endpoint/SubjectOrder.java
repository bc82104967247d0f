package io.hookline.dispatcher.endpoint;

import io.hookline.contracts.delivery.DeliveryJob;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Per-subject order for one endpoint with {@code ordering: subject}: a job may go only when no earlier job of the
 * same subject is in flight or waiting for a retry. Jobs are ordered by their place in {@code domain-events}
 * ({@code partition:offset}), which is the order the contract promises. Not thread-safe: the lane guards it.
 */
final class SubjectOrder {

    /** What a job of an ordered endpoint may do now. */
    sealed interface Gate permits Go, Wait, WaitUntil {
    }

    record Go() implements Gate {
    }

    /** An earlier job is in flight: stay queued, it finishes soon. */
    record Wait() implements Gate {
    }

    /** An earlier job waits for a retry: put this one aside until then. */
    record WaitUntil(Instant dueAt) implements Gate {
    }

    private record Hold(boolean inFlight, Instant dueAt) {
    }

    private static final Gate GO = new Go();
    private static final Gate WAIT = new Wait();

    private final Map<String, NavigableMap<Position, Hold>> holds = new HashMap<>();
    private final Duration staleAfter;

    /** @param staleAfter how long past its due time a waiting retry still blocks (it may be owned elsewhere now) */
    SubjectOrder(Duration staleAfter) {
        this.staleAfter = staleAfter;
    }

    Gate gate(DeliveryJob job, Instant now) {
        NavigableMap<Position, Hold> subject = holds.get(job.eventSubject());
        if (subject == null) {
            return GO;
        }
        Instant latestDue = null;
        boolean earlierInFlight = false;
        for (Hold hold : subject.headMap(Position.of(job), false).values()) {
            if (hold.inFlight()) {
                earlierInFlight = true;
            } else if (hold.dueAt().plus(staleAfter).isAfter(now)) {
                latestDue = latestDue == null || hold.dueAt().isAfter(latestDue) ? hold.dueAt() : latestDue;
            }
        }
        if (latestDue != null) {
            return new WaitUntil(latestDue);
        }
        return earlierInFlight ? WAIT : GO;
    }

    void inFlight(DeliveryJob job) {
        put(job, new Hold(true, null));
    }

    void waiting(DeliveryJob job, Instant dueAt) {
        put(job, new Hold(false, dueAt));
    }

    void done(DeliveryJob job) {
        NavigableMap<Position, Hold> subject = holds.get(job.eventSubject());
        if (subject != null) {
            subject.remove(Position.of(job));
            if (subject.isEmpty()) {
                holds.remove(job.eventSubject());
            }
        }
    }

    int size() {
        return holds.values().stream().mapToInt(Map::size).sum();
    }

    private void put(DeliveryJob job, Hold hold) {
        holds.computeIfAbsent(job.eventSubject(), subject -> new TreeMap<>()).put(Position.of(job), hold);
    }

    /** A job's place: {@code domain-events} partition and offset; the delivery id breaks ties of unknown places. */
    record Position(int partition, long offset, String deliveryId) implements Comparable<Position> {

        static Position of(DeliveryJob job) {
            String position = job.position();
            if (position != null) {
                int colon = position.indexOf(':');
                try {
                    return new Position(Integer.parseInt(position.substring(0, colon)),
                            Long.parseLong(position.substring(colon + 1)), job.deliveryId());
                } catch (RuntimeException e) {
                    // An unreadable position sorts last: such a job waits for every readable one of its subject.
                    return new Position(Integer.MAX_VALUE, Long.MAX_VALUE, job.deliveryId());
                }
            }
            return new Position(Integer.MAX_VALUE, Long.MAX_VALUE, job.deliveryId());
        }

        @Override
        public int compareTo(Position other) {
            int byPartition = Integer.compare(partition, other.partition);
            if (byPartition != 0) {
                return byPartition;
            }
            int byOffset = Long.compare(offset, other.offset);
            return byOffset != 0 ? byOffset : deliveryId.compareTo(other.deliveryId);
        }
    }
}
