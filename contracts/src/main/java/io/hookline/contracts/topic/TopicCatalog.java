package io.hookline.contracts.topic;

import io.hookline.contracts.size.SizeLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every topic Hookline needs, with its cleanup policy, for one installation prefix. Every one takes records up to
 * {@link SizeLimits#recordMaxBytes()} ({@code max.message.bytes}, which overrides the broker's
 * {@code message.max.bytes}), the size every Hookline producer may send.
 */
public final class TopicCatalog {

    private static final String COMPACT = "compact";
    private static final String DELETE = "delete";
    public static final String MAX_MESSAGE_BYTES = "max.message.bytes";
    private static final Duration DEFAULT_LOG_RETENTION = Duration.ofDays(30);
    private static final Duration DLQ_RETENTION = Duration.ofDays(14);
    private static final Duration EVENT_RETENTION = Duration.ofDays(7);

    private TopicCatalog() {
    }

    public static List<TopicSpec> all(String prefix, int partitions) {
        return all(prefix, partitions, SizeLimits.DEFAULT);
    }

    public static List<TopicSpec> all(String prefix, int partitions, SizeLimits limits) {
        return withRecordLimit(specs(prefix, partitions), limits.recordMaxBytes());
    }

    private static List<TopicSpec> withRecordLimit(List<TopicSpec> specs, int recordMaxBytes) {
        return specs.stream().map(spec -> {
            Map<String, String> configs = new HashMap<>(spec.configs());
            configs.put(MAX_MESSAGE_BYTES, String.valueOf(recordMaxBytes));
            return new TopicSpec(spec.name(), spec.partitions(), Map.copyOf(configs));
        }).toList();
    }

    private static List<TopicSpec> specs(String prefix, int partitions) {
        List<TopicSpec> specs = new ArrayList<>();
        specs.add(deleted(Topics.DOMAIN_EVENTS, prefix, partitions, EVENT_RETENTION));
        specs.add(deleted(Topics.DOMAIN_EVENTS_DLQ, prefix, 1, DLQ_RETENTION));
        specs.add(compacted(Topics.WEBHOOK_CONFIG, prefix));
        specs.add(compacted(Topics.API_TOKENS, prefix));
        specs.add(compacted(Topics.WEBHOOK_SUBSCRIPTIONS, prefix));
        specs.add(compacted(Topics.DISPATCHER_SUBJECT_HOLDS, prefix));
        specs.add(compacted(Topics.DISPATCHER_MAIL_LOG, prefix));
        specs.add(compacted(Topics.DISPATCHER_FAILING_SINCE, prefix));
        specs.add(deleted(Topics.WEBHOOK_DELIVERIES, prefix, partitions, EVENT_RETENTION));
        for (RetryTier tier : RetryTier.values()) {
            // A retry must outlive its delay with room to spare for an outage of the dispatcher.
            specs.add(deleted(Topics.retryTier(tier), prefix, partitions, tier.delay().plus(EVENT_RETENTION)));
        }
        specs.add(deleted(Topics.WEBHOOK_DELIVERIES_DLQ, prefix, partitions, DLQ_RETENTION));
        specs.add(deleted(Topics.WEBHOOK_DELIVERY_LOG, prefix, partitions, DEFAULT_LOG_RETENTION));
        specs.add(deleted(Topics.WEBHOOK_OPERATIONAL_EVENTS, prefix, partitions, DEFAULT_LOG_RETENTION));
        specs.add(deleted(Topics.WEBHOOK_RESPONSES, prefix, partitions, EVENT_RETENTION));
        return specs;
    }

    /** One partition: these views are small and every instance reads all of it, in write order. */
    private static TopicSpec compacted(Topic<?, ?> topic, String prefix) {
        return new TopicSpec(topic.withPrefix(prefix).name(), 1, Map.of(
                "cleanup.policy", COMPACT,
                "min.compaction.lag.ms", "0",
                "segment.ms", String.valueOf(Duration.ofHours(1).toMillis())));
    }

    private static TopicSpec deleted(Topic<?, ?> topic, String prefix, int partitions, Duration retention) {
        return new TopicSpec(topic.withPrefix(prefix).name(), partitions, Map.of(
                "cleanup.policy", DELETE,
                "retention.ms", String.valueOf(retention.toMillis())));
    }
}
