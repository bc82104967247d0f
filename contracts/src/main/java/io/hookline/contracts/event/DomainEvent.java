package io.hookline.contracts.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.contracts.json.Json;

/**
 * A CloudEvents 1.0 domain event, as read from {@code domain-events}. {@link #tenant()} is the CloudEvents extension
 * attribute, {@code default} when absent.
 */
public record DomainEvent(
        String specversion,
        String id,
        String source,
        String type,
        String time,
        String subject,
        String tenant,
        String datacontenttype,
        JsonNode data) {

    public static final String DEFAULT_TENANT = "default";

    public DomainEvent {
        tenant = tenant == null || tenant.isBlank() ? DEFAULT_TENANT : tenant;
    }

    /** The event in structured JSON mode: what the standard payload and {@code forward_all} send. */
    public ObjectNode toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("specversion", specversion);
        node.put("id", id);
        node.put("source", source);
        node.put("type", type);
        putIfPresent(node, "time", time);
        putIfPresent(node, "subject", subject);
        node.put("tenant", tenant);
        putIfPresent(node, "datacontenttype", datacontenttype);
        if (data != null) {
            node.set("data", data);
        }
        return node;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
