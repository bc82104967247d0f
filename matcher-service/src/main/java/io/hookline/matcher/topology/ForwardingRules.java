package io.hookline.matcher.topology;

import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.subscription.Subscription;
import io.hookline.contracts.webhook.Forwarding;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.matcher.index.WebhookIndex;
import io.hookline.matcher.subscription.SubscriptionTable;
import io.hookline.rules.match.CompiledWebhook;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A webhook's {@code forwarding} for events read from a topic ({@code /trigger} does not pass here):
 * {@code always} lets every event through to the filters, {@code only_on_forwarding} none, and
 * {@code after_forwarding} only the events of a subject the webhook follows. An event whose type is in the webhook's
 * {@code unsubscribe_on} ends the subscription to its subject after it was matched itself, whether or not the
 * webhook's event types select it (so that {@code incident.resolved} ends a webhook that follows only
 * {@code incident.triggered} too). A subscription of a webhook that no longer exists ends with the next event of its
 * subject.
 */
final class ForwardingRules {

    private final SubscriptionTable subscriptions;
    private final WebhookIndex index;

    ForwardingRules(SubscriptionTable subscriptions, WebhookIndex index) {
        this.subscriptions = subscriptions;
        this.index = index;
    }

    /** Whether the webhook's forwarding lets this event through to its filters. */
    boolean admits(CompiledWebhook webhook, DomainEvent event) {
        WebhookConfig config = webhook.config();
        if (Forwarding.isOnlyOnForwarding(config)) {
            return false;
        }
        if (Forwarding.isAfterForwarding(config)) {
            return subscriptions.isSubscribed(webhook.id(), event.subject());
        }
        return true;
    }

    /** The keys of the subscriptions this event ends, to be tombstoned once its jobs are written. */
    List<String> ended(DomainEvent event) {
        List<String> ended = new ArrayList<>();
        for (String webhookId : subscriptions.subscribers(event.subject())) {
            Optional<CompiledWebhook> webhook = index.current(webhookId);
            if (webhook.isEmpty()) {
                ended.add(Subscription.key(webhookId, event.subject()));
                continue;
            }
            WebhookConfig config = webhook.get().config();
            if (config.tenant().equals(event.tenant()) && Forwarding.isAfterForwarding(config)
                    && config.unsubscribeOn().contains(event.type())) {
                ended.add(Subscription.key(webhookId, event.subject()));
            }
        }
        return ended;
    }
}
