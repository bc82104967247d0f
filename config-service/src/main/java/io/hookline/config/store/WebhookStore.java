package io.hookline.config.store;

import io.hookline.config.error.ProblemException;
import io.hookline.contracts.topic.Topic;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.WebhookConfig;
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
 * This instance's copy of the {@code webhook-config} topic. Every read first catches up with the topic, so a write
 * made through any instance is visible to the next read here.
 */
@Context
public final class WebhookStore implements KafkaComponent, AutoCloseable {

    private static final Comparator<WebhookConfig> OLDEST_FIRST = Comparator
            .comparing(WebhookConfig::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(WebhookConfig::id);

    private final CompactedTopicView<WebhookConfig> view;
    private final Topic<String, WebhookConfig> topic;
    private final StoreSettings settings;

    public WebhookStore(KafkaSettings kafka, KafkaConnection connection, StoreSettings settings,
                        TopicBootstrap topics) {
        this.settings = settings;
        this.topic = Topics.WEBHOOK_CONFIG.withPrefix(kafka.topicPrefix());
        this.view = new CompactedTopicView<>("webhook-config-view", connection, topic);
        view.start(settings.loadTimeout());
    }

    /** The webhook if it exists and belongs to the tenant: another tenant's webhook does not exist for the caller. */
    public Optional<WebhookConfig> find(String tenant, String id) {
        catchUp();
        return view.get(id).filter(config -> config.tenant().equals(tenant));
    }

    public WebhookConfig get(String tenant, String id) {
        return find(tenant, id).orElseThrow(() -> ProblemException.notFound("Webhook " + id));
    }

    public List<WebhookConfig> list(String tenant) {
        catchUp();
        return view.values().stream()
                .filter(config -> config.tenant().equals(tenant))
                .sorted(OLDEST_FIRST)
                .toList();
    }

    /** Every webhook of every tenant, for work across tenants such as re-encrypting secrets. */
    public List<WebhookConfig> listAll() {
        catchUp();
        return view.values().stream().sorted(OLDEST_FIRST).toList();
    }

    /** Whether any webhook, of any tenant, has this id. */
    public boolean exists(String id) {
        catchUp();
        return view.get(id).isPresent();
    }

    /** The record that stores {@code config}, for {@link ConfigWriter}. */
    public TopicWrite put(WebhookConfig config) {
        return TopicWrite.of(view, topic, config.id(), config);
    }

    /** The tombstone that deletes webhook {@code id}, for {@link ConfigWriter}. */
    public TopicWrite delete(String id) {
        return TopicWrite.of(view, topic, id, null);
    }

    private void catchUp() {
        view.catchUp(settings.readTimeout());
    }

    @Override
    public String componentName() {
        return "webhook-config-view";
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
