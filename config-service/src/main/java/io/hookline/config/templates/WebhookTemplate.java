package io.hookline.config.templates;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One built-in template: the webhook fields it fills, what the user must still give, and the Jinja {@code data}
 * template, whose {@code %%name%%} markers are replaced by the user's {@link TemplateValue}s on create.
 *
 * @param url            a fixed endpoint (PagerDuty, Opsgenie), or null when it is the user's own
 * @param requiredFields webhook fields the user must give along with the template (the URL, the credentials)
 * @param values         values written into {@code data} on create, given in {@code template_values}
 */
public record WebhookTemplate(String id, String name, String description, String httpMethod, String url,
                              JsonNode headers, String payloadFormat, String data,
                              List<RequiredField> requiredFields, List<TemplateValue> values) {

    public WebhookTemplate {
        requiredFields = List.copyOf(requiredFields);
        values = List.copyOf(values);
    }

    /** A webhook field the template cannot fill itself. */
    public record RequiredField(String field, String description) {
    }

    /**
     * A value the user supplies, such as a routing key; checked against {@code pattern} (characters that need no
     * escaping in JSON or Jinja), and shown in the sample rendering as {@code example}.
     */
    public record TemplateValue(String name, String description, String pattern, String example) {

        public String marker() {
            return "%%" + name + "%%";
        }
    }

    /** {@link #data()} with every value's marker replaced by the given value (or its example when absent). */
    public String dataWith(Map<String, String> given) {
        String filled = data;
        for (TemplateValue value : values) {
            filled = filled.replace(value.marker(), given.getOrDefault(value.name(), value.example()));
        }
        return filled;
    }
}
