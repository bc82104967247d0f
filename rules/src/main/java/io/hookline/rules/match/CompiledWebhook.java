package io.hookline.rules.match;

import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.rules.FieldError;
import io.hookline.rules.filter.Filter;
import io.hookline.rules.template.CompiledTemplate;
import java.util.List;
import java.util.Map;

/**
 * A webhook ready to be matched and rendered at stream speed: filter parsed, templates compiled, event types
 * indexed. Immutable; cache it by {@code id} and {@code version}. When {@link #problems()} is not empty some rule could
 * not be compiled (a config written before validation existed, or by hand); such a webhook never sends, and each
 * event it would have matched is logged as failed instead.
 *
 * @param headerTemplates one template per configured header value, when {@code headers} is a JSON object
 * @param headersTemplate the template that renders the whole headers object, when {@code headers} is a string
 * @param requestTemplate the template that renders the whole request (method, URL, headers, body), when
 *                        {@code request_template} is set; it then replaces the other request fields
 */
public record CompiledWebhook(
        WebhookConfig config,
        EventTypeSelector eventTypes,
        Filter filter,
        CompiledTemplate triggerTemplate,
        CompiledTemplate dataTemplate,
        Map<String, CompiledTemplate> headerTemplates,
        CompiledTemplate headersTemplate,
        CompiledTemplate requestTemplate,
        List<FieldError> problems) {

    public CompiledWebhook {
        headerTemplates = headerTemplates == null ? Map.of() : Map.copyOf(headerTemplates);
        problems = List.copyOf(problems);
    }

    public String id() {
        return config.id();
    }

    public long version() {
        return config.version();
    }

    public String tenant() {
        return config.tenant();
    }

    public boolean isUsable() {
        return problems.isEmpty();
    }
}
