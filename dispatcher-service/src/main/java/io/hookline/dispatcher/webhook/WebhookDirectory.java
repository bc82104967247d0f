package io.hookline.dispatcher.webhook;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.CompactedTopicView;
import io.hookline.service.KafkaComponent;
import io.hookline.service.KafkaSettings;
import io.hookline.service.TopicBootstrap;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * The dispatcher's own view of {@code webhook-config}: every attempt reads the webhook as it is now, so a disabled
 * webhook stops, and a new secret or auth header applies to retries still pending.
 */
@Singleton
public class WebhookDirectory implements KafkaComponent, AutoCloseable {

    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(5);

    private final CompactedTopicView<WebhookConfig> view;

    // TopicBootstrap is injected so the topic exists before the view reads it.
    public WebhookDirectory(KafkaSettings kafka, TopicBootstrap topics) {
        this.view = new CompactedTopicView<>("dispatcher-webhook-config", kafka.bootstrapServers(),
                Topics.WEBHOOK_CONFIG.withPrefix(kafka.topicPrefix()));
        view.start(LOAD_TIMEOUT);
    }

    /**
     * The webhook a job belongs to. A job may be made from a config this view has not applied yet (the matcher read
     * it first), so a missing or older webhook is looked up again after catching up with the topic.
     */
    public Optional<WebhookConfig> webhookFor(DeliveryJob job) {
        Optional<WebhookConfig> current = view.get(job.webhookId());
        if (current.isEmpty() || current.get().version() < job.webhookVersion()) {
            view.awaitCaughtUp(CATCH_UP_TIMEOUT);
            current = view.get(job.webhookId());
        }
        return current;
    }

    public Optional<WebhookConfig> get(String webhookId) {
        return view.get(webhookId);
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
