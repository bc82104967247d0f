package io.hookline.rules.match;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.rules.FieldError;
import io.hookline.rules.filter.Filter;
import io.hookline.rules.filter.FilterParser;
import io.hookline.rules.filter.InvalidFilterException;
import io.hookline.rules.template.CompiledTemplate;
import io.hookline.rules.template.TemplateEngine;
import io.hookline.rules.template.TemplateSyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link WebhookConfig} into a {@link CompiledWebhook}, collecting every problem of its rules (unknown trigger
 * type, bad event type, bad filter, templates that do not compile, headers of the wrong shape) under the REST field
 * names. {@link #validate} is the write-time check of config-service. Thread-safe.
 */
public final class WebhookCompiler {

    private final TemplateEngine templates;
    private final FilterParser filters = new FilterParser();

    public WebhookCompiler(TemplateEngine templates) {
        this.templates = templates;
    }

    public TemplateEngine templateEngine() {
        return templates;
    }

    /** Every problem of the webhook's rules, each with its field path; empty when all compile. */
    public List<FieldError> validate(WebhookConfig webhook) {
        return compile(webhook).problems();
    }

    public CompiledWebhook compile(WebhookConfig webhook) {
        List<FieldError> problems = new ArrayList<>();
        if (webhook.triggerType() != null && !TriggerTypes.isKnown(webhook.triggerType())) {
            problems.add(new FieldError("trigger_type", "unknown trigger type \"" + webhook.triggerType()
                    + "\"; one of " + String.join(", ", TriggerTypes.all())));
        }
        for (int i = 0; i < webhook.eventTypes().size(); i++) {
            String type = webhook.eventTypes().get(i);
            if (type == null || type.isBlank()) {
                problems.add(new FieldError("event_types[" + i + "]", "must be a non-empty event type or pattern"));
            }
        }
        Filter filter = filter(webhook.filter(), problems);
        CompiledTemplate trigger = template(webhook.triggerTemplate(), "trigger_template", problems);
        CompiledTemplate data = template(webhook.data(), "data", problems);
        Map<String, CompiledTemplate> headerTemplates = new LinkedHashMap<>();
        CompiledTemplate headersTemplate = headers(webhook.headers(), headerTemplates, problems);
        return new CompiledWebhook(webhook, EventTypeSelector.of(webhook), filter, trigger, data, headerTemplates,
                headersTemplate, problems);
    }

    private Filter filter(JsonNode node, List<FieldError> problems) {
        try {
            return filters.parse(node);
        } catch (InvalidFilterException e) {
            problems.addAll(e.errors());
            return Filter.ALWAYS;
        }
    }

    private CompiledTemplate template(String source, String field, List<FieldError> problems) {
        if (source == null) {
            return null;
        }
        try {
            return templates.compile(source);
        } catch (TemplateSyntaxException e) {
            e.errors().forEach(error -> problems.add(new FieldError(field, error.describe())));
            return null;
        }
    }

    private CompiledTemplate headers(JsonNode headers, Map<String, CompiledTemplate> perHeader,
                                     List<FieldError> problems) {
        if (headers == null || headers.isNull() || headers.isMissingNode()) {
            return null;
        }
        if (headers.isTextual()) {
            return template(headers.textValue(), "headers", problems);
        }
        if (!headers.isObject()) {
            problems.add(new FieldError("headers", "must be null, a JSON object of strings, or a template"));
            return null;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = headers.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> header = fields.next();
            String field = "headers." + header.getKey();
            if (!HeaderNames.isValid(header.getKey())) {
                problems.add(new FieldError(field, "is not a valid HTTP header name"));
            } else if (!header.getValue().isTextual()) {
                problems.add(new FieldError(field, "must be a string"));
            } else {
                CompiledTemplate value = template(header.getValue().textValue(), field, problems);
                if (value != null) {
                    perHeader.put(header.getKey(), value);
                }
            }
        }
        return null;
    }
}
