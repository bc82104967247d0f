package io.hookline.dispatcher.delivery;

import io.hookline.contracts.topic.RetryTier;
import io.hookline.contracts.topic.Topics;
import io.hookline.service.KafkaSettings;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The names, with this installation's prefix, of every topic the dispatcher's own clients read or write
 * ({@code webhook-config} is the webhook directory's and the config writer's).
 */
@Singleton
public class DeliveryTopics {

    private final String deliveries;
    private final Map<RetryTier, String> retryTiers = new EnumMap<>(RetryTier.class);
    private final String deadLetters;
    private final String attemptLog;
    private final String operationalEvents;
    private final String responses;

    public DeliveryTopics(KafkaSettings kafka) {
        String prefix = kafka.topicPrefix();
        deliveries = Topics.WEBHOOK_DELIVERIES.withPrefix(prefix).name();
        for (RetryTier tier : RetryTier.values()) {
            retryTiers.put(tier, Topics.retryTier(tier).withPrefix(prefix).name());
        }
        deadLetters = Topics.WEBHOOK_DELIVERIES_DLQ.withPrefix(prefix).name();
        attemptLog = Topics.WEBHOOK_DELIVERY_LOG.withPrefix(prefix).name();
        operationalEvents = Topics.WEBHOOK_OPERATIONAL_EVENTS.withPrefix(prefix).name();
        responses = Topics.WEBHOOK_RESPONSES.withPrefix(prefix).name();
    }

    /** The main topic and every retry tier: everything the dispatcher consumes. */
    public List<String> consumed() {
        List<String> topics = new ArrayList<>();
        topics.add(deliveries);
        topics.addAll(retryTiers.values());
        return topics;
    }

    public String deliveries() {
        return deliveries;
    }

    public String retryTier(RetryTier tier) {
        return retryTiers.get(tier);
    }

    public String deadLetters() {
        return deadLetters;
    }

    public String attemptLog() {
        return attemptLog;
    }

    public String operationalEvents() {
        return operationalEvents;
    }

    public String responses() {
        return responses;
    }
}
