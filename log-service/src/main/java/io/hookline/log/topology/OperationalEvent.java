package io.hookline.log.topology;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * A CloudEvent from {@code webhook-operational-events}, read leniently: the type is matched by its ending (so
 * {@code io.hookline.endpoint.disabled} works too), and the fields are looked up in {@code data} under snake_case or
 * camelCase names.
 */
public record OperationalEvent(String type, String webhookId, String url, Instant time, JsonNode data) {

    public enum Kind { EXHAUSTED, DISABLED, RECOVERED, OTHER }

    /** Empty when the bytes are not a JSON object with a type. */
    public static Optional<OperationalEvent> parse(String recordKey, byte[] bytes, Instant recordTime) {
        JsonNode root;
        try {
            root = bytes == null ? null : Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject() || !root.path("type").isTextual()) {
            return Optional.empty();
        }
        JsonNode data = root.path("data");
        String webhookId = firstText(data, "webhook_id", "webhookId");
        if (webhookId == null) {
            webhookId = recordKey;
        }
        Instant time = parseTime(root.path("time").asText(null));
        return Optional.of(new OperationalEvent(root.path("type").asText(), webhookId,
                firstText(data, "url", "endpoint", "endpoint_url"), time == null ? recordTime : time, data));
    }

    public Kind kind() {
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.endsWith("attempt.exhausted")) {
            return Kind.EXHAUSTED;
        }
        if (lower.endsWith("endpoint.disabled")) {
            return Kind.DISABLED;
        }
        if (lower.endsWith("endpoint.recovered")) {
            return Kind.RECOVERED;
        }
        return Kind.OTHER;
    }

    public String text(String... names) {
        return firstText(data, names);
    }

    public Integer statusCode() {
        for (String name : new String[] {"status_code", "statusCode", "status"}) {
            JsonNode node = data.path(name);
            if (node.canConvertToInt()) {
                return node.asInt();
            }
        }
        return null;
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    private static Instant parseTime(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
