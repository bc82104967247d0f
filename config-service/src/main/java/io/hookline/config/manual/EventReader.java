package io.hookline.config.manual;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.config.validation.FieldErrors;
import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.event.DomainEventParser;
import io.hookline.contracts.event.InvalidEventException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a CloudEvent given in a request body for preview, trigger or test. The event belongs to the caller's tenant:
 * one without {@code tenant} gets it, one naming another tenant is refused.
 */
final class EventReader {

    private static final Pattern ATTRIBUTE = Pattern.compile("\"([A-Za-z0-9_]+)\"");

    private final DomainEventParser parser = new DomainEventParser();

    /**
     * The event, or null after adding its problems to {@code errors} under {@code prefix} (e.g. {@code event.id};
     * the prefix alone when the whole event is wrong).
     */
    DomainEvent read(JsonNode node, String tenant, String prefix, FieldErrors errors) {
        if (node == null || !node.isObject()) {
            errors.add(prefix, "must be a CloudEvent: a JSON object");
            return null;
        }
        JsonNode named = node.get("tenant");
        if (named != null && !named.isNull() && !named.asText().equals(tenant)) {
            errors.add(field(prefix, "tenant"), "must be the caller's tenant \"" + tenant + "\" or left out");
            return null;
        }
        ObjectNode event = ((ObjectNode) node).deepCopy().put("tenant", tenant);
        try {
            return parser.fromJson(event);
        } catch (InvalidEventException e) {
            errors.add(field(prefix, attribute(e)), e.getMessage());
            return null;
        }
    }

    private static String attribute(InvalidEventException e) {
        if (e.reason().endsWith("_attribute")) {
            Matcher name = ATTRIBUTE.matcher(e.getMessage());
            if (name.find()) {
                return name.group(1);
            }
        }
        return e.reason().equals("unsupported_specversion") ? "specversion" : "";
    }

    private static String field(String prefix, String name) {
        if (name.isEmpty()) {
            return prefix;
        }
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
