package io.hookline.dispatcher.order;

import io.hookline.contracts.delivery.DeliveryJob;

/**
 * A job's place in {@code domain-events} ({@code partition:offset}), the order the contract promises per subject;
 * the delivery id breaks ties. A job without a readable place sorts last: it waits for every readable one.
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
