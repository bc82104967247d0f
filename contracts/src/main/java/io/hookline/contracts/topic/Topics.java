package io.hookline.contracts.topic;

import io.hookline.contracts.auth.ApiToken;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.JsonSerde;
import io.hookline.contracts.subscription.Subscription;
import io.hookline.contracts.webhook.WebhookConfig;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic of the public contract (CONTRACT.md section 3), without installation prefix. */
public final class Topics {

    public static final Topic<String, byte[]> DOMAIN_EVENTS =
            new Topic<>("domain-events", Serdes.String(), Serdes.ByteArray());

    public static final Topic<String, byte[]> DOMAIN_EVENTS_DLQ =
            new Topic<>("domain-events-dlq", Serdes.String(), Serdes.ByteArray());

    public static final Topic<String, WebhookConfig> WEBHOOK_CONFIG =
            new Topic<>("webhook-config", Serdes.String(), new JsonSerde<>(WebhookConfig.class));

    public static final Topic<String, DeliveryJob> WEBHOOK_DELIVERIES =
            new Topic<>("webhook-deliveries", Serdes.String(), new JsonSerde<>(DeliveryJob.class));

    public static final Topic<String, DeliveryJob> WEBHOOK_DELIVERIES_DLQ =
            new Topic<>("webhook-deliveries-dlq", Serdes.String(), new JsonSerde<>(DeliveryJob.class));

    public static final Topic<String, DeliveryAttempt> WEBHOOK_DELIVERY_LOG =
            new Topic<>("webhook-delivery-log", Serdes.String(), new JsonSerde<>(DeliveryAttempt.class));

    /** CloudEvents (structured JSON) about endpoints: attempt.exhausted, endpoint.disabled, endpoint.recovered. */
    public static final Topic<String, byte[]> WEBHOOK_OPERATIONAL_EVENTS =
            new Topic<>("webhook-operational-events", Serdes.String(), Serdes.ByteArray());

    /**
     * Internal: the subjects each {@code after_forwarding} webhook follows; compacted, keyed by
     * {@link Subscription#key(String, String)}; a tombstone ends a subscription.
     */
    public static final Topic<String, Subscription> WEBHOOK_SUBSCRIPTIONS =
            new Topic<>("webhook-subscriptions", Serdes.String(), new JsonSerde<>(Subscription.class));

    /**
     * CloudEvents {@code hookline.webhook.response} (structured JSON): the answer of each attempt of a webhook with
     * {@code publish_responses}, keyed by the event's subject (else its id), for the producing system to consume.
     */
    public static final Topic<String, byte[]> WEBHOOK_RESPONSES =
            new Topic<>("webhook-responses", Serdes.String(), Serdes.ByteArray());

    /** Internal: API tokens (hashes only), compacted, keyed by token id; a tombstone revokes. */
    public static final Topic<String, ApiToken> API_TOKENS =
            new Topic<>("api-tokens", Serdes.String(), new JsonSerde<>(ApiToken.class));

    /**
     * Internal: the dispatcher's per-subject order holds (a job of an ordered endpoint waiting for its retry), so a
     * restarted or newly assigned dispatcher keeps later events of the subject back; compacted, keyed by delivery id.
     */
    public static final Topic<String, byte[]> DISPATCHER_SUBJECT_HOLDS =
            new Topic<>("dispatcher-subject-holds", Serdes.String(), Serdes.ByteArray());

    /** Internal: when each webhook's owner was last mailed about a failure; compacted, keyed by webhook id. */
    public static final Topic<String, byte[]> DISPATCHER_MAIL_LOG =
            new Topic<>("dispatcher-mail-log", Serdes.String(), Serdes.ByteArray());

    /**
     * Internal: since when every attempt of a webhook with {@code disable_after_failing} has failed, so that the clock
     * survives restarts and is shared by every dispatcher instance; compacted, keyed by webhook id.
     */
    public static final Topic<String, byte[]> DISPATCHER_FAILING_SINCE =
            new Topic<>("dispatcher-failing-since", Serdes.String(), Serdes.ByteArray());

    private Topics() {
    }

    /** The retry tier topic for one delay, e.g. {@code webhook-deliveries-retry-10s}. */
    public static Topic<String, DeliveryJob> retryTier(RetryTier tier) {
        return new Topic<>("webhook-deliveries-retry-" + tier.suffix(), Serdes.String(),
                new JsonSerde<>(DeliveryJob.class));
    }
}
