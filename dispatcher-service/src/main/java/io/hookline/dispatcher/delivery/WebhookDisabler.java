package io.hookline.dispatcher.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.webhook.WebhookConfig;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Writes a webhook back to {@code webhook-config} disabled, with its reason and the next version, so config-service
 * serves it disabled and every dispatcher stops sending to it.
 */
@Singleton
public class WebhookDisabler {

    private final DeliveryProducer producer;
    private final DeliveryTopics topics;

    public WebhookDisabler(DeliveryProducer producer, DeliveryTopics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    public CompletableFuture<Void> disable(WebhookConfig webhook, String reason, Instant now) {
        return producer.send(topics.webhookConfig(), webhook.id(), Json.toBytes(disabled(webhook, reason, now)));
    }

    /** The same webhook, disabled. Edited as JSON so that every other field, known or added later, stays as it was. */
    static ObjectNode disabled(WebhookConfig webhook, String reason, Instant now) {
        ObjectNode node = Json.MAPPER.valueToTree(webhook);
        node.put("is_webhook_enabled", false);
        node.put("disabled_reason", reason);
        node.put("version", webhook.version() + 1);
        node.put("updated_at", now.toString());
        return node;
    }
}
