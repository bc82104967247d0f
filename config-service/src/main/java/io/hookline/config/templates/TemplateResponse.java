package io.hookline.config.templates;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A template as {@code GET /api/v1/templates} shows it.
 *
 * @param fields the webhook fields {@code "template": id} fills on create
 * @param sample the body the template renders for one catalogue event (with each value's example)
 */
public record TemplateResponse(String id, String name, String description, Fields fields,
                               List<WebhookTemplate.RequiredField> requiredFields,
                               List<WebhookTemplate.TemplateValue> values, Sample sample) {

    /** The fields of a webhook made from the template; {@code data} still holds the {@code %%value%%} markers. */
    public record Fields(String httpMethod, String url, JsonNode headers, String payloadFormat, String data) {
    }

    /** @param body the rendered request body, parsed */
    public record Sample(String eventType, JsonNode body) {
    }
}
