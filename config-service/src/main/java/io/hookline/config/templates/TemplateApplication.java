package io.hookline.config.templates;

import static io.hookline.config.validation.WebhookFields.DATA;
import static io.hookline.config.validation.WebhookFields.HEADERS;
import static io.hookline.config.validation.WebhookFields.HTTP_METHOD;
import static io.hookline.config.validation.WebhookFields.PAYLOAD_FORMAT;
import static io.hookline.config.validation.WebhookFields.URL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.config.validation.FieldErrors;
import io.hookline.contracts.json.Json;
import jakarta.inject.Singleton;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The write-only {@code template} of a create request (CONTRACT.md section 5): the template's fields first, then the
 * request's own fields over them, with {@code template_values} written into the template's {@code data}. Updates
 * refuse both, since a template fills a webhook once and is not kept.
 */
@Singleton
public final class TemplateApplication {

    public static final String TEMPLATE = "template";
    public static final String TEMPLATE_VALUES = "template_values";

    private final TemplateLibrary library;

    public TemplateApplication(TemplateLibrary library) {
        this.library = library;
    }

    /** The create body with its template applied; {@code body} itself when it names none. */
    public JsonNode applyOnCreate(JsonNode body) {
        if (body == null || !body.isObject() || !(body.has(TEMPLATE) || body.has(TEMPLATE_VALUES))) {
            return body;
        }
        FieldErrors errors = new FieldErrors();
        JsonNode id = body.get(TEMPLATE);
        WebhookTemplate template = null;
        if ((id == null || id.isNull()) && !body.has(TEMPLATE_VALUES)) {
            return ((ObjectNode) body.deepCopy()).without(TEMPLATE); // "template": null names none
        }
        if (id == null || id.isNull()) {
            errors.add(TEMPLATE_VALUES, "is only read with \"template\"");
        } else if (!id.isTextual() || library.find(id.textValue()).isEmpty()) {
            errors.add(TEMPLATE, "unknown template " + id + "; one of: " + String.join(", ", library.ids()));
        } else {
            template = library.find(id.textValue()).get();
        }
        errors.throwIfAny();
        Map<String, String> values = values(template, body.get(TEMPLATE_VALUES), errors);
        for (WebhookTemplate.RequiredField required : template.requiredFields()) {
            JsonNode given = body.get(required.field());
            if (given == null || given.isNull()) {
                errors.add(required.field(), "is required with template " + template.id() + ": "
                        + required.description());
            }
        }
        errors.throwIfAny();
        ObjectNode applied = Json.MAPPER.createObjectNode();
        applied.put(HTTP_METHOD, template.httpMethod());
        if (template.url() != null) {
            applied.put(URL, template.url());
        }
        if (template.headers() != null) {
            applied.set(HEADERS, template.headers());
        }
        applied.put(PAYLOAD_FORMAT, template.payloadFormat());
        applied.put(DATA, template.dataWith(values));
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!TEMPLATE.equals(field.getKey()) && !TEMPLATE_VALUES.equals(field.getKey())) {
                applied.set(field.getKey(), field.getValue());
            }
        }
        return applied;
    }

    /** A 400 for an update that names a template: templates fill a webhook on create only. */
    public void refuseOnUpdate(JsonNode body) {
        if (body == null || !body.isObject()) {
            return;
        }
        FieldErrors errors = new FieldErrors();
        for (String field : new String[] {TEMPLATE, TEMPLATE_VALUES}) {
            if (body.has(field)) {
                errors.add(field, "is only accepted on create; to change a webhook, send the fields themselves "
                        + "(GET /api/v1/templates/{id} shows a template's data and headers)");
            }
        }
        errors.throwIfAny();
    }

    private static Map<String, String> values(WebhookTemplate template, JsonNode given, FieldErrors errors) {
        Map<String, String> values = new LinkedHashMap<>();
        if (given != null && !given.isNull() && !given.isObject()) {
            errors.add(TEMPLATE_VALUES, "must be a JSON object of strings");
            return values;
        }
        if (given != null && given.isObject()) {
            for (Iterator<String> names = given.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (template.values().stream().noneMatch(value -> value.name().equals(name))) {
                    errors.add(TEMPLATE_VALUES + "." + name, "template " + template.id() + " has no value \"" + name
                            + "\"" + (template.values().isEmpty() ? "" : "; it reads: " + String.join(", ",
                            template.values().stream().map(WebhookTemplate.TemplateValue::name).toList())));
                }
            }
        }
        for (WebhookTemplate.TemplateValue value : template.values()) {
            String field = TEMPLATE_VALUES + "." + value.name();
            JsonNode node = given == null ? null : given.get(value.name());
            if (node == null || node.isNull()) {
                errors.add(field, "is required with template " + template.id() + ": " + value.description());
            } else if (!node.isTextual() || !Pattern.matches(value.pattern(), node.textValue())) {
                errors.add(field, "must match " + value.pattern() + " (" + value.description() + ")");
            } else {
                values.put(value.name(), node.textValue());
            }
        }
        return values;
    }
}
