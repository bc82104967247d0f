package io.hookline.log.redelivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.json.Json;
import io.hookline.rules.match.CompiledWebhook;
import io.hookline.rules.match.RequestRenderException;
import io.hookline.rules.match.RequestRenderer;
import io.hookline.rules.template.CompiledTemplate;
import io.hookline.rules.template.TemplateContext;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The headers a redelivery sends: the webhook's configured headers as they are configured now, rendered for the
 * logged event, never the logged ones, whose secrets are masked. Taken from the log are only the event's trace context
 * and the headers that describe the logged body, which is sent again as it was: its {@code Content-Type} and, for
 * {@code payload_format: cloudevent_binary}, the event's {@code ce-*} attributes. Authentication and signature headers
 * are the dispatcher's to add, from the same current config.
 */
public final class CurrentHeaders {

    private static final Set<String> FROM_THE_EVENT = Set.of("traceparent", "tracestate", "content-type");
    private static final String CLOUDEVENTS_ATTRIBUTE = "ce-";
    private static final String MASK = "****";

    private final CompiledWebhook webhook;
    private final RequestRenderer renderer;

    CurrentHeaders(CompiledWebhook webhook, RequestRenderer renderer) {
        this.webhook = webhook;
        this.renderer = renderer;
    }

    public Map<String, String> forAttempt(DeliveryAttempt attempt) {
        Map<String, String> headers = new LinkedHashMap<>();
        attempt.requestHeaders().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean fromTheEvent = FROM_THE_EVENT.contains(lower) || lower.startsWith(CLOUDEVENTS_ATTRIBUTE);
            if (fromTheEvent && value != null && !value.contains(MASK)) {
                headers.put(name, value);
            }
        });
        if (webhook.headerTemplates().isEmpty() && webhook.headersTemplate() == null
                && webhook.requestTemplate() == null) {
            return headers;
        }
        try {
            Map<String, String> configured = renderer.renderHeaders(webhook, context(attempt));
            // A configured header replaces a logged one of the same name in any case, so only one of them is sent.
            configured.keySet().forEach(name -> headers.keySet().removeIf(logged -> logged.equalsIgnoreCase(name)));
            headers.putAll(configured);
        } catch (RequestRenderException e) {
            throw new NotRedeliverableException("the webhook's " + e.field() + " cannot be rendered for delivery "
                    + attempt.deliveryId() + ": " + e.error().describe());
        }
        return headers;
    }

    private TemplateContext context(DeliveryAttempt attempt) {
        JsonNode event = parse(attempt.eventData());
        if (event != null && event.isObject()) {
            return TemplateContext.forEvent(event);
        }
        if (templates().allMatch(CurrentHeaders::isPlainText)) {
            return TemplateContext.of(Map.of());
        }
        throw new NotRedeliverableException("the logged event of delivery " + attempt.deliveryId()
                + " is incomplete (cut at 64 KiB), so the webhook's header templates cannot be rendered for it");
    }

    private Stream<CompiledTemplate> templates() {
        return Stream.concat(webhook.headerTemplates().values().stream(), Stream.ofNullable(webhook.headersTemplate()));
    }

    private static boolean isPlainText(CompiledTemplate template) {
        String source = template.source();
        return !source.contains("{{") && !source.contains("{%") && !source.contains("{#");
    }

    private static JsonNode parse(String eventData) {
        if (eventData == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(eventData);
        } catch (IOException e) {
            return null;
        }
    }
}
