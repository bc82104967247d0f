package io.hookline.matcher.topology;

import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.subscription.Subscription;
import io.hookline.contracts.webhook.Forwarding;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.matcher.index.WebhookIndex;
import io.hookline.matcher.subscription.SubscriptionTable;
import io.hookline.rules.match.CompiledWebhook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A webhook's {@code forwarding} for events read from a topic ({@code /trigger} does not pass here):
 * {@code always} lets every event through to the filters, {@code only_on_forwarding} none, and
 * {@code after_forwarding} only the events of a subject the webhook follows. An event whose type is in the webhook's
 * {@code unsubscribe_on} ends the subscription to its subject after it was matched itself, whether or not the
 * webhook's event types select it (so that {@code incident.resolved} ends a webhook that follows only
 * {@code incident.triggered} too). A subscription of a webhook that no longer exists ends with the next event of its
 * subject.
 *
 * <p>One instance per stream task: the tombstone that ends a subscription reaches the shared table only once the
 * task's transaction is committed and the view has read it, so the task remembers what it ended meanwhile, and the
 * subject's next events in its partition are not sent. It remembers the very subscription it ended, so a new
 * {@code /trigger} of the subject counts again at once. A task that starts again (after a failure, its uncommitted
 * output discarded) starts with an empty memory and processes the ending event again.
 */
final class ForwardingRules {

    private final SubscriptionTable subscriptions;
    private final WebhookIndex index;
    /** Subscription key → the subscription this task ended, until the table no longer holds that one. */
    private final Map<String, Subscription> endedHere = new HashMap<>();

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
            return isLive(subscriptions.get(webhook.id(), event.subject()));
        }
        return true;
    }

    private Subscription tableEntry(String key) {
        int slash = key.indexOf('/');
        return subscriptions.get(key.substring(0, slash), key.substring(slash + 1));
    }

    private boolean isLive(Subscription subscription) {
        if (subscription == null) {
            return false;
        }
        Subscription ended = endedHere.get(subscription.key());
        if (ended == null) {
            return true;
        }
        if (ended.equals(subscription)) {
            return false;
        }
        endedHere.remove(subscription.key());
        return true;
    }

    /**
     * The keys of the subscriptions this event ends, to be tombstoned once its jobs are written. Forgets, first, the
     * ended subscriptions that the table no longer holds (their tombstones arrived, or they were replaced).
     */
    List<String> ended(DomainEvent event) {
        endedHere.entrySet().removeIf(entry -> !entry.getValue().equals(tableEntry(entry.getKey())));
        List<String> ended = new ArrayList<>();
        for (Subscription subscription : subscriptions.subscribers(event.subject())) {
            if (!isLive(subscription)) {
                continue;
            }
            Optional<CompiledWebhook> webhook = index.current(subscription.webhookId());
            boolean gone = webhook.isEmpty();
            WebhookConfig config = gone ? null : webhook.get().config();
            if (gone || config.tenant().equals(event.tenant()) && Forwarding.isAfterForwarding(config)
                    && config.unsubscribeOn().contains(event.type())) {
                endedHere.put(subscription.key(), subscription);
                ended.add(subscription.key());
            }
        }
        return ended;
    }
}
