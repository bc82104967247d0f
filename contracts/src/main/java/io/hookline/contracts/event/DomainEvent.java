package io.hookline.contracts.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.contracts.json.Json;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;

/**
 * A CloudEvents 1.0 domain event, as read from {@code domain-events}. {@link #tenant()} is the CloudEvents extension
 * attribute, {@code default} when absent; {@link #extensions()} holds every other extension attribute (strings,
 * integers or booleans), {@code traceparent} and {@code tracestate} included. {@link #data()} is JSON, text, or a
 * binary node for data that is neither (written as {@code data_base64}).
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
        JsonNode data,
        String dataschema,
        Map<String, Object> extensions) {

    public static final String DEFAULT_TENANT = "default";

    public DomainEvent {
        tenant = tenant == null || tenant.isBlank() ? DEFAULT_TENANT : tenant;
        extensions = extensions == null || extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(extensions);
    }

    public DomainEvent(String specversion, String id, String source, String type, String time, String subject,
                       String tenant, String datacontenttype, JsonNode data) {
        this(specversion, id, source, type, time, subject, tenant, datacontenttype, data, null, Map.of());
    }

    public TraceContext trace() {
        return TraceContext.of(extension(TraceContext.TRACEPARENT), extension(TraceContext.TRACESTATE));
    }

    private String extension(String name) {
        Object value = extensions.get(name);
        return value == null ? null : value.toString();
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
        putIfPresent(node, "dataschema", dataschema);
        for (Map.Entry<String, Object> extension : extensions.entrySet()) {
            Object value = extension.getValue();
            if (value instanceof Boolean flag) {
                node.put(extension.getKey(), flag);
            } else if (value instanceof Integer number) {
                node.put(extension.getKey(), number);
            } else if (value != null) {
                node.put(extension.getKey(), value.toString());
            }
        }
        if (data != null && data.isBinary()) {
            // The CloudEvents JSON format: data that is not JSON or text travels base64-encoded.
            node.put("data_base64", Base64.getEncoder().encodeToString(binary(data)));
        } else if (data != null) {
            node.set("data", data);
        }
        return node;
    }

    private static byte[] binary(JsonNode data) {
        try {
            return data.binaryValue();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a binary node always has its bytes", e);
        }
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
