package io.hookline.dispatcher.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.contracts.json.Json;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * CloudEvents about endpoints on {@code webhook-operational-events}, keyed by webhook id: {@code attempt.exhausted},
 * {@code endpoint.disabled} and {@code endpoint.recovered}.
 */
@Singleton
public class OperationalEvents {

    public static final String ATTEMPT_EXHAUSTED = "attempt.exhausted";
    public static final String ENDPOINT_DISABLED = "endpoint.disabled";
    public static final String ENDPOINT_RECOVERED = "endpoint.recovered";
    private static final String SOURCE = "/hookline/dispatcher";

    private final DeliveryProducer producer;
    private final DeliveryTopics topics;

    public OperationalEvents(DeliveryProducer producer, DeliveryTopics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    /** Emits one event; {@code data} holds plain values (ids, url, error), never secrets. */
    public CompletableFuture<Void> emit(String type, String webhookId, String tenant, Map<String, Object> data) {
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
