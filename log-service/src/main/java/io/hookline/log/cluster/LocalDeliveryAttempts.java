package io.hookline.log.cluster;

import io.hookline.contracts.delivery.DeliveryAttempt;
import java.util.List;
import java.util.Set;

/**
 * What one instance holds of one delivery: its attempts, and the partitions it searched. The instance that gathers
 * checks that together they searched every partition, so a partition in the middle of moving is never taken for
 * "not found".
 */
public record LocalDeliveryAttempts(Set<Integer> partitions, List<DeliveryAttempt> attempts) {

    public LocalDeliveryAttempts {
        partitions = Set.copyOf(partitions);
        attempts = List.copyOf(attempts);
    }
}
