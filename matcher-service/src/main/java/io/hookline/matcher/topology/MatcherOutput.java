package io.hookline.matcher.topology;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;

/** What the matching step emits for one event; each kind goes to its own topic. */
public sealed interface MatcherOutput {

    /** A job for {@code webhook-deliveries}, keyed by endpoint. */
    record Job(DeliveryJob job) implements MatcherOutput {
    }

    /** A failed attempt for {@code webhook-delivery-log} (a template that failed), keyed by webhook id. */
    record Failure(DeliveryAttempt attempt) implements MatcherOutput {
    }

    /** The original bytes of an invalid event for {@code domain-events-dlq}; the reason travels in headers. */
    record Rejected(byte[] originalValue) implements MatcherOutput {
    }

    /** A job too large to write, trimmed, for {@code webhook-deliveries-dlq}, keyed by endpoint; reason in headers. */
    record Oversized(byte[] deadLetter) implements MatcherOutput {
    }

    /** The end of a subscription: a tombstone for {@code webhook-subscriptions}, keyed by the subscription's key. */
    record Unsubscribe(String subscriptionKey) implements MatcherOutput {
    }
}
