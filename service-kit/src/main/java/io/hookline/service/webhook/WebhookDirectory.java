package io.hookline.service.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.topic.Topic;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.CompactedTopicView;
import io.hookline.service.KafkaComponent;
import io.hookline.service.KafkaConnection;
import io.hookline.service.KafkaSettings;
import io.hookline.service.TopicBootstrap;
import io.hookline.service.store.ConfigWriter;
import io.hookline.service.store.StoreUnavailableException;
import io.hookline.service.store.TopicWrite;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * This instance's copy of {@code webhook-config}, for the services that act on webhooks without owning them
 * (dispatcher, log-service); enabled by {@code hookline.webhook-directory.enabled}. config-service, which owns the
 * topic, keeps its own store with read-your-writes. The one write from here, the dispatcher's disabling of a gone
 * endpoint, goes through {@link ConfigWriter} like config-service's own.
 */
@Singleton
@Requires(property = "hookline.webhook-directory.enabled", value = "true")
public final class WebhookDirectory implements KafkaComponent, AutoCloseable {

    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(5);

    private final Topic<String, WebhookConfig> topic;
    private final CompactedTopicView<WebhookConfig> view;

    /** Takes the {@link TopicBootstrap} so that the topic exists before the view reads it. */
    public WebhookDirectory(KafkaSettings kafka, KafkaConnection connection, TopicBootstrap topics) {
        this.topic = Topics.WEBHOOK_CONFIG.withPrefix(kafka.topicPrefix());
        this.view = new CompactedTopicView<>("webhook-directory", connection, topic);
        view.start(LOAD_TIMEOUT);
    }

    /** Called on the view's thread for every change it applies, with null for a deletion. */
    public void addListener(BiConsumer<String, WebhookConfig> listener) {
        view.addListener(listener);
    }

    public Optional<WebhookConfig> find(String webhookId) {
        return view.get(webhookId);
    }

    /**
     * The webhook as of {@code version} or later, or nothing when it was deleted since, without blocking. Another
     * service may have read a newer config than this view has applied yet: then the answer comes once the view has
     * applied everything written to the topic before this call, so it is the webhook's newest state. Fails with
     * {@link StoreUnavailableException} when the view does not get there within a few seconds or has stopped: the
     * caller tries again later, and never takes a webhook it has not seen yet for deleted.
     */
    public CompletableFuture<Optional<WebhookConfig>> findCurrent(String webhookId, long version) {
        Optional<WebhookConfig> current = view.get(webhookId);
        if (current.isPresent() && current.get().version() >= version) {
            return CompletableFuture.completedFuture(current);
        }
        return view.whenCaughtUp()
                .orTimeout(CATCH_UP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((caughtUp, error) -> {
                    if (error != null) {
                        throw new StoreUnavailableException("This instance has not yet read version " + version
                                + " of webhook " + webhookId + "; try again", error);
                    }
                    return view.get(webhookId);
                });
    }

    /** Waits until every change written to the topic before this call is applied here, as a write must first. */
    public void catchUp() {
        view.catchUp(CATCH_UP_TIMEOUT);
    }

    /** The record that stores {@code webhook}, a webhook's JSON as its caller edited it, for {@link ConfigWriter}. */
    public TopicWrite put(String webhookId, JsonNode webhook) {
        return TopicWrite.serialized(view, topic, webhookId, Json.toBytes(webhook));
    }

    @Override
    public String componentName() {
        return view.componentName();
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
