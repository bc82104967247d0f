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
 * names. Every template compiles in the webhook's {@code template_engine}. {@link #validate} is the write-time check of
 * config-service, so switching the engine alone re-checks every stored template. Thread-safe.
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
        String engine = webhook.templateEngine();
        if (!TemplateEngine.isKnownLanguage(engine)) {
            problems.add(new FieldError("template_engine", "unknown template engine \"" + engine + "\"; one of "
                    + TemplateEngine.JINJA + ", " + TemplateEngine.HANDLEBARS));
            return new CompiledWebhook(webhook, EventTypeSelector.of(webhook), filter, null, null, Map.of(), null,
                    null, problems);
        }
        CompiledTemplate trigger = template(engine, webhook.triggerTemplate(), "trigger_template", problems);
        CompiledTemplate data = template(engine, webhook.data(), "data", problems);
        Map<String, CompiledTemplate> headerTemplates = new LinkedHashMap<>();
        CompiledTemplate headersTemplate = headers(engine, webhook.headers(), headerTemplates, problems);
        CompiledTemplate request = template(engine, webhook.requestTemplate(), "request_template", problems);
        return new CompiledWebhook(webhook, EventTypeSelector.of(webhook), filter, trigger, data, headerTemplates,
                headersTemplate, request, problems);
    }

    private Filter filter(JsonNode node, List<FieldError> problems) {
        try {
            return filters.parse(node);
        } catch (InvalidFilterException e) {
            problems.addAll(e.errors());
            return Filter.ALWAYS;
        }
    }

    /** Compiles in the webhook's own template language ({@code template_engine}). */
    private CompiledTemplate template(String engine, String source, String field, List<FieldError> problems) {
        if (source == null) {
            return null;
        }
        try {
            return templates.compile(engine, source);
        } catch (TemplateSyntaxException e) {
            e.errors().forEach(error -> problems.add(new FieldError(field, "invalid template: " + error.describe())));
            return null;
        }
    }

    private CompiledTemplate headers(String engine, JsonNode headers, Map<String, CompiledTemplate> perHeader,
                                     List<FieldError> problems) {
        if (headers == null || headers.isNull() || headers.isMissingNode()) {
            return null;
        }
        if (headers.isTextual()) {
            return template(engine, headers.textValue(), "headers", problems);
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
                CompiledTemplate value = template(engine, header.getValue().textValue(), field, problems);
                if (value != null) {
                    perHeader.put(header.getKey(), value);
                }
            }
        }
        return null;
    }
}
