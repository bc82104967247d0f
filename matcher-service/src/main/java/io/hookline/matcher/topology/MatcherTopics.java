package io.hookline.matcher.topology;

import io.hookline.contracts.topic.Topics;

/** The topics the matcher reads and writes, with the installation prefix applied. */
public record MatcherTopics(String domainEvents, String domainEventsDlq, String webhookConfig,
                            String deliveries, String deliveryLog, String deliveriesDlq, String operationalEvents,
                            String subscriptions) {

    public static MatcherTopics withPrefix(String prefix) {
        return new MatcherTopics(
                Topics.DOMAIN_EVENTS.withPrefix(prefix).name(),
                Topics.DOMAIN_EVENTS_DLQ.withPrefix(prefix).name(),
                Topics.WEBHOOK_CONFIG.withPrefix(prefix).name(),
                Topics.WEBHOOK_DELIVERIES.withPrefix(prefix).name(),
                Topics.WEBHOOK_DELIVERY_LOG.withPrefix(prefix).name(),
                Topics.WEBHOOK_DELIVERIES_DLQ.withPrefix(prefix).name(),
                Topics.WEBHOOK_OPERATIONAL_EVENTS.withPrefix(prefix).name(),
                Topics.WEBHOOK_SUBSCRIPTIONS.withPrefix(prefix).name());
    }
}
