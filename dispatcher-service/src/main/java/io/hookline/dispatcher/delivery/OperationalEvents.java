package io.hookline.dispatcher.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.contracts.event.OperationalTypes;
import io.hookline.contracts.json.Json;
import io.hookline.service.webhook.WebhookDirectory;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CloudEvents about endpoints on {@code webhook-operational-events}, keyed by webhook id:
 * {@code hookline.attempt.exhausted}, {@code hookline.endpoint.disabled} and {@code hookline.endpoint.recovered}.
 * The matcher sends them on to the webhooks that select them, so a webhook that receives operational events gets none
 * about itself: a failing one would otherwise feed itself. It is still retried, dead-lettered, disabled on 410 and
 * logged as any other, silently.
 */
@Singleton
public class OperationalEvents {

    public static final String ATTEMPT_EXHAUSTED = OperationalTypes.ATTEMPT_EXHAUSTED;
    public static final String ENDPOINT_DISABLED = OperationalTypes.ENDPOINT_DISABLED;
    public static final String ENDPOINT_RECOVERED = OperationalTypes.ENDPOINT_RECOVERED;
    private static final Logger LOG = LoggerFactory.getLogger(OperationalEvents.class);
    private static final String SOURCE = "/hookline/dispatcher";

    private final DeliveryProducer producer;
    private final DeliveryTopics topics;
    private final WebhookDirectory webhooks;

    public OperationalEvents(DeliveryProducer producer, DeliveryTopics topics, WebhookDirectory webhooks) {
        this.producer = producer;
        this.topics = topics;
        this.webhooks = webhooks;
    }

    /**
     * Emits one event; {@code data} holds plain values (ids, url, error), never secrets. Nothing is emitted about a
     * webhook that receives operational events itself.
     */
    public CompletableFuture<Void> emit(String type, String webhookId, String tenant, Map<String, Object> data) {
        if (webhooks.find(webhookId).filter(OperationalTypes::receivesOperational).isPresent()) {
            LOG.info("No {} about webhook {}: it receives operational events itself", type, webhookId);
            return CompletableFuture.completedFuture(null);
        }
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", SOURCE);
        event.put("type", type);
        event.put("time", Instant.now().toString());
        event.put("subject", webhookId);
        event.put("tenant", tenant);
        event.put("datacontenttype", "application/json");
        event.set("data", Json.MAPPER.valueToTree(data));
        return producer.send(topics.operationalEvents(), webhookId, Json.toBytes(event));
    }
}
