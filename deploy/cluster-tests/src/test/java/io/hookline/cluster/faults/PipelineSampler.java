package io.hookline.cluster.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the work waits after a fault: once a second, the deliveries made and the lag of the matcher's group on each
 * {@code domain-events} partition and of the dispatchers' group on each partition of {@code webhook-deliveries} and
 * its first two retry tiers (where jobs put aside wait). A partition whose lag stands still belonged to an instance
 * that died and waits for its group's session timeout.
 */
final class PipelineSampler implements AutoCloseable {

    private static final List<String> TOPICS = List.of("domain-events", "webhook-deliveries",
            "webhook-deliveries-retry-10s", "webhook-deliveries-retry-1m");
    private static final List<String> GROUPS = List.of("hookline-matcher", "hookline-dispatcher");

    private final Admin admin;
    private final LongSupplier delivered;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
    private final long start = System.nanoTime();
    private final List<String> lines = new ArrayList<>();

    PipelineSampler(Admin admin, LongSupplier delivered) {
        this.admin = admin;
        this.delivered = delivered;
        schedule.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    private void sample() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                for (int p = 0; p < ServiceFleet.PARTITIONS; p++) {
                    partitions.add(new TopicPartition(topic, p));
                }
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
            StringBuilder line = new StringBuilder("%5.1f s delivered %d".formatted(
                    (System.nanoTime() - start) / 1e9, delivered.getAsLong()));
            for (String group : GROUPS) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                line.append(" | ").append(group).append(" lag ");
                Map<String, Long> lag = new TreeMap<>();
                committed.forEach((tp, offset) -> {
                    if (ends.containsKey(tp) && offset != null) {
                        lag.put(tp.topic() + "-" + tp.partition(), ends.get(tp).offset() - offset.offset());
                    }
                });
                line.append(lag);
            }
            add(line.toString());
        } catch (Exception e) {
            add("sample failed: " + e);
        }
    }

    private synchronized void add(String line) {
        lines.add(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        schedule.shutdownNow();
        admin.close();
    }
}
