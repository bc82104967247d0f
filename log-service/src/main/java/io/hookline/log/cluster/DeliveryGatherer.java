package io.hookline.log.cluster;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.json.Json;
import io.hookline.log.query.TimeBounds;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Finds every attempt of one delivery. A delivery id does not tell its webhook (so not its partition), so each
 * instance searches the partitions it owns (one range scan per partition) and this one gathers the answers.
 */
@Singleton
public final class DeliveryGatherer {

    public static final String INTERNAL_PATH = "/api/v1/internal/deliveries/";

    private final StoreLocator locator;
    private final Forwarder forwarder;
    private final TopicPartitionCount partitionCount;
    private final TimeBounds bounds;

    public DeliveryGatherer(StoreLocator locator, Forwarder forwarder, TopicPartitionCount partitionCount,
                            TimeBounds bounds) {
        this.locator = locator;
        this.forwarder = forwarder;
        this.partitionCount = partitionCount;
        this.bounds = bounds;
    }

    /** Every attempt of the delivery on every instance, oldest first. */
    public List<DeliveryAttempt> gather(String deliveryId, HttpRequest<?> request) {
        Deadline deadline = new Deadline(locator.queryWait());
        StoreUnavailableException last = null;
        do {
            try {
                List<LocalDeliveryAttempts> answers = new ArrayList<>();
                answers.add(searchLocally(deliveryId));
                for (HostInfo host : locator.otherHosts()) {
                    answers.add(Json.fromBytes(forwarder.get(host, INTERNAL_PATH
                                    + URLEncoder.encode(deliveryId, StandardCharsets.UTF_8) + "/attempts", request),
                            LocalDeliveryAttempts.class));
                }
                Set<Integer> searched = new HashSet<>();
                answers.forEach(answer -> searched.addAll(answer.partitions()));
                if (searched.size() >= partitionCount.deliveryLog()) {
                    return answers.stream().flatMap(answer -> answer.attempts().stream())
                            .sorted(Comparator.comparing(DeliveryAttempt::timestamp)
                                    .thenComparingInt(DeliveryAttempt::attempt))
                            .toList();
                }
                last = new StoreUnavailableException("Only partitions " + searched + " of the delivery log are "
                        + "queryable right now");
            } catch (StoreUnavailableException e) {
                last = e;
            }
        } while (deadline.pause());
        throw last;
    }

    /** This instance's part: the delivery's attempts in the partitions whose stores run here. */
    public LocalDeliveryAttempts searchLocally(String deliveryId) {
        if (!locator.running()) {
            return new LocalDeliveryAttempts(Set.of(), List.of());
        }
        Set<Integer> searched = new HashSet<>();
        List<DeliveryAttempt> found = new ArrayList<>();
        for (int partition : locator.localPartitions()) {
            found.addAll(locator.localPartition(partition).delivery(deliveryId, bounds.oldestKept(), bounds.to(null)));
            searched.add(partition);
        }
        // Partitions that moved away while searching are not vouched for.
        searched.retainAll(locator.localPartitions());
        return new LocalDeliveryAttempts(searched, found);
    }
}
