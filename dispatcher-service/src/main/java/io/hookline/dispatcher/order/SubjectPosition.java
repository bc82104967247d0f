package io.hookline.dispatcher.order;

import io.hookline.contracts.delivery.DeliveryJob;

/**
 * A job's place in {@code domain-events} ({@code partition:offset}). Kafka orders records within a partition only,
 * so the order promised per subject is the order within one partition: events of a subject that came through
 * different partitions are independent of each other (see {@link #precedes}). A job without a readable place comes
 * after every readable one. The delivery id breaks ties.
 */
public record SubjectPosition(int partition, long offset, String deliveryId) implements Comparable<SubjectPosition> {

    public static SubjectPosition of(DeliveryJob job) {
        return parse(job.position(), job.deliveryId());
    }

    static SubjectPosition parse(String position, String deliveryId) {
        if (position != null) {
            int colon = position.indexOf(':');
            try {
                return new SubjectPosition(Integer.parseInt(position.substring(0, colon)),
                        Long.parseLong(position.substring(colon + 1)), deliveryId);
            } catch (RuntimeException e) {
                return last(deliveryId);
            }
        }
        return last(deliveryId);
    }

    /**
     * True when a job at this place must reach the endpoint before one at {@code later}: both came through the same
     * partition and this one first, or {@code later} has no readable place and this one has (or sorts before it).
     */
    public boolean precedes(SubjectPosition later) {
        boolean sameStream = partition == later.partition || later.partition == Integer.MAX_VALUE;
        return sameStream && compareTo(later) < 0;
    }

    private static SubjectPosition last(String deliveryId) {
        return new SubjectPosition(Integer.MAX_VALUE, Long.MAX_VALUE, deliveryId);
    }

    @Override
    public int compareTo(SubjectPosition other) {
        int byPartition = Integer.compare(partition, other.partition);
        if (byPartition != 0) {
            return byPartition;
        }
        int byOffset = Long.compare(offset, other.offset);
        return byOffset != 0 ? byOffset : deliveryId.compareTo(other.deliveryId);
    }
}
