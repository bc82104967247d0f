package io.hookline.config.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fields one request sets, checked one by one and named as on the {@code webhook-config} topic. A field set to
 * JSON null is cleared; a field left out keeps its value. Secrets are still plain text here.
 *
 * @param expectedVersion the version the client last read ({@code version} field or {@code If-Match}), or null
 */
public record WebhookChanges(ObjectNode fields, Long expectedVersion) {

    public boolean has(String field) {
        return fields.has(field);
    }

    public JsonNode get(String field) {
        return fields.get(field);
    }
}
