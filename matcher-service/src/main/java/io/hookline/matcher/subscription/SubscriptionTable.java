package io.hookline.matcher.subscription;

import io.hookline.contracts.subscription.Subscription;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every subscription of the installation ({@code webhook-subscriptions}), found by subject: events are partitioned by
 * their key, not their subject, so every matcher instance holds all of them. Written by the subscription view's
 * thread, read by the stream threads.
 */
public final class SubscriptionTable {

    /** subject → webhook id → subscription. */
    private final Map<String, Map<String, Subscription>> bySubject = new ConcurrentHashMap<>();

    /** Applies one record of the topic; {@code subscription} is null for a tombstone. */
    public void apply(String key, Subscription subscription) {
        if (subscription != null) {
            bySubject.computeIfAbsent(subscription.subject(), subject -> new ConcurrentHashMap<>())
                    .put(subscription.webhookId(), subscription);
            return;
        }
        int slash = key == null ? -1 : key.indexOf('/');
        if (slash < 0) {
            return;
        }
        String webhookId = key.substring(0, slash);
        String subject = key.substring(slash + 1);
        bySubject.computeIfPresent(subject, (ignored, webhooks) -> {
            webhooks.remove(webhookId);
            return webhooks.isEmpty() ? null : webhooks;
        });
    }

    /** The subscription of this webhook to this subject, or null. */
    public Subscription get(String webhookId, String subject) {
        if (subject == null) {
            return null;
        }
        Map<String, Subscription> webhooks = bySubject.get(subject);
        return webhooks == null ? null : webhooks.get(webhookId);
    }

    /** The subscriptions to {@code subject}, of every webhook. */
    public List<Subscription> subscribers(String subject) {
        if (subject == null) {
            return List.of();
        }
        Map<String, Subscription> webhooks = bySubject.get(subject);
        return webhooks == null ? List.of() : List.copyOf(webhooks.values());
    }
}
