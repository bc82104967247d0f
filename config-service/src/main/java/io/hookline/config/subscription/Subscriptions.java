package io.hookline.config.subscription;

import io.hookline.config.error.ProblemException;
import io.hookline.config.store.WebhookStore;
import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.subscription.Subscription;
import io.hookline.contracts.webhook.Forwarding;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.store.ConfigWriter;
import io.hookline.service.store.TopicWrite;
import io.hookline.service.store.WritePlan;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The subscriptions of {@code after_forwarding} webhooks: a {@code /trigger} of an event with a subject subscribes the
 * webhook to that subject (written and applied before the trigger answers, so an event accepted afterwards is matched
 * with it); {@code DELETE .../subscriptions/{subject}} ends one; deleting a webhook ends all of its.
 */
@Singleton
public final class Subscriptions {

    private final SubscriptionStore store;
    private final WebhookStore webhooks;
    private final ConfigWriter writer;
    private final Clock clock = Clock.systemUTC();

    public Subscriptions(SubscriptionStore store, WebhookStore webhooks, ConfigWriter writer) {
        this.store = store;
        this.webhooks = webhooks;
        this.writer = writer;
    }

    /**
     * Subscribes an {@code after_forwarding} webhook to the subject of the event sent to it; nothing for another
     * forwarding or an event without a subject (there is nothing to follow).
     */
    public Optional<Subscription> subscribe(WebhookConfig webhook, DomainEvent event) {
        if (!Forwarding.isAfterForwarding(webhook) || event.subject() == null || event.subject().isEmpty()) {
            return Optional.empty();
        }
        Subscription subscription = new Subscription(webhook.id(), event.subject(), clock.instant(), event.id());
        return Optional.of(writer.write(() -> WritePlan.of(store.put(subscription), subscription)));
    }

    /** 404 for a webhook that does not exist for the tenant. */
    public List<Subscription> list(String tenant, String webhookId) {
        webhooks.get(tenant, webhookId);
        return store.of(webhookId);
    }

    /** 404 for a webhook that does not exist for the tenant, or a subject it does not follow. */
    public void unsubscribe(String tenant, String webhookId, String subject) {
        writer.write(() -> {
            webhooks.get(tenant, webhookId);
            Subscription current = store.find(webhookId, subject).orElseThrow(() -> ProblemException.notFound(
                    "Subscription of webhook " + webhookId + " to subject " + subject));
            return WritePlan.of(store.delete(webhookId, subject), current);
        });
    }

    /** The tombstones that end every subscription of a webhook being deleted, to write with its own tombstone. */
    public List<TopicWrite> endAll(String webhookId) {
        return store.of(webhookId).stream()
                .map(subscription -> store.delete(webhookId, subscription.subject()))
                .toList();
    }
}
