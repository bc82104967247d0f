package io.hookline.contracts.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.rw.CloudEventRWException;
import io.hookline.contracts.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Why the CloudEvents SDK refused an event, as a short reason and a detail that names the attribute. Only called on
 * failure, so it may read the event a second time: the SDK's exceptions say what is wrong but not in a form a user
 * (or {@code domain-events-dlq}'s {@code error} header) can act on.
 */
final class InvalidEvents {

    static final String BINARY_PREFIX = "ce_";
    private static final List<String> REQUIRED = List.of("specversion", "id", "source", "type");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z0-9]+");
    private static final List<String> OPTIONAL = List.of("time", "subject", "tenant", "datacontenttype", "dataschema");

    private InvalidEvents() {
    }

    static InvalidEventException structured(byte[] value, Exception sdkFailure) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            return new InvalidEventException("invalid_json", e.getOriginalMessage());
        } catch (IOException e) {
            return new InvalidEventException("invalid_json", e.getMessage());
        }
        return structured(node, sdkFailure);
    }

    static InvalidEventException structured(JsonNode node, Exception sdkFailure) {
        if (node == null || !node.isObject()) {
            return new InvalidEventException("not_an_object", "a CloudEvent must be a JSON object");
        }
        for (String name : REQUIRED) {
            JsonNode field = node.get(name);
            if (field == null || field.isNull()) {
                return new InvalidEventException("missing_attribute", "required attribute \"" + name + "\" is missing");
            }
            if (!field.isTextual() || field.asText().isEmpty()) {
                return new InvalidEventException("invalid_attribute",
                        "attribute \"" + name + "\" must be a non-empty string");
            }
        }
        if (!"1.0".equals(node.get("specversion").asText())) {
            return new InvalidEventException("unsupported_specversion",
                    "specversion must be \"1.0\", was \"" + node.get("specversion").asText() + "\"");
        }
        for (String name : OPTIONAL) {
            JsonNode field = node.get(name);
            if (field != null && !field.isNull() && !field.isTextual()) {
                return new InvalidEventException("invalid_attribute", "attribute \"" + name + "\" must be a string");
            }
        }
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ATTRIBUTE_NAME.matcher(name).matches() && !"data_base64".equals(name)) {
                return new InvalidEventException("invalid_attribute", "attribute \"" + name
                        + "\" is not a CloudEvents attribute name (lower-case letters and digits only)");
            }
        }
        JsonNode time = node.get("time");
        if (time != null && time.isTextual() && !isTimestamp(time.asText())) {
            return new InvalidEventException("invalid_attribute",
                    "attribute \"time\" must be an RFC 3339 timestamp, was \"" + time.asText() + "\"");
        }
        return sdk(sdkFailure);
    }

    private static boolean isTimestamp(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static InvalidEventException binary(Headers headers, Exception sdkFailure) {
        for (String name : REQUIRED) {
            String value = header(headers, BINARY_PREFIX + name);
            if (value == null || value.isEmpty()) {
                return new InvalidEventException("missing_attribute",
                        "required header \"" + BINARY_PREFIX + name + "\" is missing");
            }
        }
        String specversion = header(headers, BINARY_PREFIX + "specversion");
        if (!"1.0".equals(specversion)) {
            return new InvalidEventException("unsupported_specversion",
                    "ce_specversion must be \"1.0\", was \"" + specversion + "\"");
        }
        return sdk(sdkFailure);
    }

    /** What the SDK said, for failures the checks above do not name (a bad time, extension name or base64 data). */
    private static InvalidEventException sdk(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CloudEventRWException rw) {
                return new InvalidEventException("invalid_attribute", rw.getMessage());
            }
            if (cause instanceof InvalidEventException invalid) {
                return invalid;
            }
        }
        return new InvalidEventException("invalid_event", rootMessage(failure));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof JsonProcessingException json ? json.getOriginalMessage() : root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
