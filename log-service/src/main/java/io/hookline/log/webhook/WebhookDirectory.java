package io.hookline.log.webhook;

import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.CompactedTopicView;
import io.hookline.service.KafkaComponent;
import io.hookline.service.KafkaSettings;
import io.hookline.service.TopicBootstrap;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Optional;

/**
 * This instance's copy of {@code webhook-config}: the tenant of a webhook that has no attempts yet, and the current
 * settings a redelivery is sent with.
 */
@Context
public final class WebhookDirectory implements KafkaComponent, AutoCloseable {

    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

    private final CompactedTopicView<WebhookConfig> view;

    public WebhookDirectory(KafkaSettings kafka, TopicBootstrap topicsCreated) {
        this.view = new CompactedTopicView<>("log-webhook-config", kafka.bootstrapServers(),
                Topics.WEBHOOK_CONFIG.withPrefix(kafka.topicPrefix()));
        view.start(LOAD_TIMEOUT);
    }

    public Optional<WebhookConfig> find(String webhookId) {
        return view.get(webhookId);
    }

    @Override
    public String componentName() {
        return "log-webhook-config";
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
