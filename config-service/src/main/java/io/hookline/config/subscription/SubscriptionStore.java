package io.hookline.config.subscription;

import io.hookline.config.store.StoreSettings;
import io.hookline.contracts.subscription.Subscription;
import io.hookline.contracts.topic.Topic;
import io.hookline.contracts.topic.Topics;
import io.hookline.service.CompactedTopicView;
import io.hookline.service.KafkaComponent;
import io.hookline.service.KafkaConnection;
import io.hookline.service.KafkaSettings;
import io.hookline.service.TopicBootstrap;
import io.hookline.service.store.ConfigWriter;
import io.hookline.service.store.TopicWrite;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * This instance's copy of {@code webhook-subscriptions}: the subjects each {@code after_forwarding} webhook follows.
 * Every read first catches up with the topic, so a subscription written by a {@code /trigger} through any instance,
 * or ended by the matcher, shows in the next read here.
 */
@Context
public final class SubscriptionStore implements KafkaComponent, AutoCloseable {

    private static final Comparator<Subscription> OLDEST_FIRST = Comparator
            .comparing(Subscription::subscribedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Subscription::subject);

    private final CompactedTopicView<Subscription> view;
    private final Topic<String, Subscription> topic;
    private final StoreSettings settings;

    public SubscriptionStore(KafkaSettings kafka, KafkaConnection connection, StoreSettings settings,
                             TopicBootstrap topics) {
        this.settings = settings;
        this.topic = Topics.WEBHOOK_SUBSCRIPTIONS.withPrefix(kafka.topicPrefix());
        this.view = new CompactedTopicView<>("webhook-subscriptions-view", connection, topic);
        view.start(settings.loadTimeout());
    }

    /** The subjects webhook {@code webhookId} follows, oldest subscription first. */
    public List<Subscription> of(String webhookId) {
        catchUp();
        return view.values().stream()
                .filter(subscription -> subscription.webhookId().equals(webhookId))
                .sorted(OLDEST_FIRST)
                .toList();
    }

    public Optional<Subscription> find(String webhookId, String subject) {
        catchUp();
        return view.get(Subscription.key(webhookId, subject));
    }

    /** The record that stores {@code subscription}, for {@link ConfigWriter}. */
    public TopicWrite put(Subscription subscription) {
        return TopicWrite.of(view, topic, subscription.key(), subscription);
    }

    /** The tombstone that ends a subscription, for {@link ConfigWriter}. */
    public TopicWrite delete(String webhookId, String subject) {
        return TopicWrite.of(view, topic, Subscription.key(webhookId, subject), null);
    }

    private void catchUp() {
        view.catchUp(settings.readTimeout());
    }

    @Override
    public String componentName() {
        return "webhook-subscriptions-view";
    }

    @Override
    public boolean isRunning() {
        return view.isRunning();
    }

    @PreDestroy
    @Override
    public void close() {
        view.close();
    }
}
