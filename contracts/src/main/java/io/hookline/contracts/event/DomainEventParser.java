package io.hookline.contracts.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.size.EventSize;
import io.hookline.contracts.size.SizeLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Reads a CloudEvent from a Kafka record, in binary mode ({@code ce_} headers, the value is the data) or structured
 * mode (the value is the whole event as JSON), and rejects anything that is not a valid event.
 */
public final class DomainEventParser {

    public static final String OVERSIZED = "oversized";
    private static final String BINARY_PREFIX = "ce_";

    private final int maxEventBytes;

    public DomainEventParser() {
        this(SizeLimits.DEFAULT);
    }

    public DomainEventParser(SizeLimits limits) {
        this.maxEventBytes = limits.eventMaxBytes();
    }

    public DomainEvent parse(byte[] value, Headers headers) throws InvalidEventException {
        long size = EventSize.of(value, headers);
        if (size > maxEventBytes) {
            throw new InvalidEventException(OVERSIZED, tooLarge(size, maxEventBytes));
        }
        if (headers != null && headers.lastHeader(BINARY_PREFIX + "specversion") != null) {
            return parseBinary(value, headers);
        }
        return parseStructured(value);
    }

    /** The detail of an event over the limit, the same for the API's 413 and the dead letter's header. */
    public static String tooLarge(long size, int maxEventBytes) {
        return "event is " + size + " bytes (value and headers), more than the limit of " + maxEventBytes
                + " bytes (hookline.events.max-bytes)";
    }

    public DomainEvent parseStructured(byte[] value) throws InvalidEventException {
        if (value == null || value.length == 0) {
            throw new InvalidEventException("empty", "the record has no value");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("invalid_json", e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidEventException("invalid_json", e.getMessage());
        }
        return fromJson(node);
    }

    public DomainEvent fromJson(JsonNode node) throws InvalidEventException {
        if (node == null || !node.isObject()) {
            throw new InvalidEventException("not_an_object", "a CloudEvent must be a JSON object");
        }
        String specversion = requiredString(node, "specversion");
        if (!"1.0".equals(specversion)) {
            throw new InvalidEventException("unsupported_specversion",
                    "specversion must be \"1.0\", was \"" + specversion + "\"");
        }
        return new DomainEvent(specversion, requiredString(node, "id"), requiredString(node, "source"),
                requiredString(node, "type"), optionalString(node, "time"), optionalString(node, "subject"),
                optionalString(node, "tenant"), optionalString(node, "datacontenttype"), node.get("data"));
    }

    private DomainEvent parseBinary(byte[] value, Headers headers) throws InvalidEventException {
        String specversion = requiredHeader(headers, "specversion");
        if (!"1.0".equals(specversion)) {
            throw new InvalidEventException("unsupported_specversion",
                    "ce_specversion must be \"1.0\", was \"" + specversion + "\"");
        }
        String contentType = header(headers, "content-type");
        JsonNode data = null;
        if (value != null && value.length > 0) {
            try {
                data = Json.MAPPER.readTree(value);
            } catch (IOException e) {
                if (contentType != null && contentType.contains("json")) {
                    throw new InvalidEventException("invalid_json", "binary-mode data is not JSON: " + e.getMessage());
                }
                data = Json.MAPPER.getNodeFactory().textNode(new String(value, StandardCharsets.UTF_8));
            }
        }
        return new DomainEvent(specversion, requiredHeader(headers, "id"), requiredHeader(headers, "source"),
                requiredHeader(headers, "type"), header(headers, BINARY_PREFIX + "time"),
                header(headers, BINARY_PREFIX + "subject"), header(headers, BINARY_PREFIX + "tenant"),
                contentType, data);
    }

    private static String requiredString(JsonNode node, String name) throws InvalidEventException {
        JsonNode field = node.get(name);
        if (field == null || field.isNull()) {
            throw new InvalidEventException("missing_attribute", "required attribute \"" + name + "\" is missing");
        }
        if (!field.isTextual() || field.asText().isEmpty()) {
            throw new InvalidEventException("invalid_attribute", "attribute \"" + name + "\" must be a non-empty string");
        }
        return field.asText();
    }

    private static String optionalString(JsonNode node, String name) throws InvalidEventException {
        JsonNode field = node.get(name);
        if (field == null || field.isNull()) {
            return null;
        }
        if (!field.isTextual()) {
            throw new InvalidEventException("invalid_attribute", "attribute \"" + name + "\" must be a string");
        }
        return field.asText();
    }

    private static String requiredHeader(Headers headers, String attribute) throws InvalidEventException {
        String value = header(headers, BINARY_PREFIX + attribute);
        if (value == null || value.isEmpty()) {
            throw new InvalidEventException("missing_attribute",
                    "required header \"" + BINARY_PREFIX + attribute + "\" is missing");
        }
        return value;
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
