package io.hookline.contracts.subscription;

import java.time.Instant;

/**
 * A subject that a webhook with {@code forwarding: after_forwarding} follows, on the compacted
 * {@code webhook-subscriptions} topic under {@link #key(String, String)}; a tombstone there ends it.
 *
 * @param eventId the event whose {@code /trigger} subscribed the webhook
 */
public record Subscription(String webhookId, String subject, Instant subscribedAt, String eventId) {

    /**
     * The record key: webhook id, a slash, subject. Webhook ids never hold a slash, so the first slash splits the key
     * again without doubt, whatever the subject holds.
     */
    public static String key(String webhookId, String subject) {
        return webhookId + "/" + subject;
    }

    public String key() {
        return key(webhookId, subject);
    }
}
