package io.hookline.cluster.faults;

import io.hookline.contracts.webhook.EndpointKey;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/** The partition of the delivery topics an endpoint's jobs go to: Kafka's default partitioner on the endpoint key. */
final class EndpointPartition {

    private EndpointPartition() {
    }

    static int of(String webhookId, String url, int partitions) {
        byte[] key = EndpointKey.of(webhookId, url).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }
}
