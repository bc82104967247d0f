package io.hookline.rules.match;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.json.Json;
import io.hookline.rules.FieldError;
import io.hookline.rules.payload.PayloadFormat;
import io.hookline.rules.payload.StandardPayload;
import io.hookline.rules.template.CompiledTemplate;
import io.hookline.rules.template.TemplateContext;
import io.hookline.rules.template.TemplateEngine;
import io.hookline.rules.template.TemplateError;
import io.hookline.rules.template.TemplateRenderException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders what a matched webhook sends for an event: method, URLs, configured headers (each value a template, or
 * one template rendering a JSON object of strings) and body (the rendered {@code data} template; with
 * {@code forward_all} or without {@code data}, the event itself in the webhook's {@code payload_format}, whose
 * headers the configured ones override), or all of it from {@code request_template} ({@link RequestTemplateRequests}).
 * Secrets are not touched: the dispatcher adds authentication and signature headers from the current config.
 * Thread-safe.
 */
public final class RequestRenderer {

    private final TemplateEngine templates;

    public RequestRenderer(TemplateEngine templates) {
        this.templates = templates;
    }

    public RenderedRequest render(CompiledWebhook webhook, PreparedEvent event) throws RequestRenderException {
        return render(webhook, event, templates.limits().renderTimeout());
    }

    /** {@link #render(CompiledWebhook, PreparedEvent)} with another time limit for each template. */
    public RenderedRequest render(CompiledWebhook webhook, PreparedEvent event, Duration renderTimeout)
            throws RequestRenderException {
        if (webhook.config().requestTemplate() != null) {
            return requestTemplate(webhook, event, renderTimeout);
        }
        for (FieldError problem : webhook.problems()) {
            if (problem.field().startsWith("data") || problem.field().startsWith("headers")) {
                throw new RequestRenderException(problem.field(), new TemplateError(TemplateError.SYNTAX,
                        "the webhook's " + problem.field() + " is invalid: " + problem.message(), 0, 0));
            }
        }
        Map<String, String> headers = headers(webhook, event, renderTimeout);
        String body;
        RenderedRequest.BodyMode mode;
        if (webhook.config().forwardAll() || webhook.dataTemplate() == null) {
            StandardPayload payload = PayloadFormat.of(webhook.config().payloadFormat())
                    .render(event.event(), event.jsonText());
            body = payload.body();
            headers = underConfigured(payload.headers(), headers);
            mode = webhook.config().forwardAll() ? RenderedRequest.BodyMode.FORWARD_ALL
                    : RenderedRequest.BodyMode.STANDARD;
        } else {
            body = render(webhook.dataTemplate(), event, "data", renderTimeout);
            mode = RenderedRequest.BodyMode.TEMPLATE;
        }
        return new RenderedRequest(webhook.config().httpMethod(), webhook.config().endpoints(), headers, body, mode);
    }

    /** The payload format's headers, each replaced by a configured header of the same name in any case. */
    private static Map<String, String> underConfigured(Map<String, String> formatHeaders,
                                                       Map<String, String> configured) {
        if (formatHeaders.isEmpty()) {
            return configured;
        }
        Map<String, String> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        merged.putAll(formatHeaders);
        configured.keySet().forEach(merged::remove);
        Map<String, String> headers = new LinkedHashMap<>(merged);
        headers.putAll(configured);
        return headers;
    }

    /** The whole request from {@code request_template}: {@code url}, {@code http_method}, headers and data unused. */
    private RenderedRequest requestTemplate(CompiledWebhook webhook, PreparedEvent event, Duration renderTimeout)
            throws RequestRenderException {
        requireRequestTemplate(webhook);
        String rendered = render(webhook.requestTemplate(), event, RequestTemplateRequests.FIELD, renderTimeout);
        return RequestTemplateRequests.read(rendered);
    }

    private static void requireRequestTemplate(CompiledWebhook webhook) throws RequestRenderException {
        if (webhook.requestTemplate() == null) {
            String why = webhook.problems().stream()
                    .filter(problem -> problem.field().equals(RequestTemplateRequests.FIELD)
                            || problem.field().equals("template_engine"))
                    .map(problem -> problem.field() + ": " + problem.message())
                    .findFirst().orElse("it does not compile");
            throw new RequestRenderException(RequestTemplateRequests.FIELD, new TemplateError(TemplateError.SYNTAX,
                    "the webhook's request_template is invalid: " + why, 0, 0));
        }
    }

    private Map<String, String> headers(CompiledWebhook webhook, PreparedEvent event, Duration renderTimeout)
            throws RequestRenderException {
        return renderHeaders(webhook, event.templateContext(), renderTimeout);
    }

    /**
     * The configured headers alone, rendered in {@code context}: what a redelivery takes from the current config
     * (the logged request has its secret headers masked). With a {@code request_template}, the headers it renders.
     */
    public Map<String, String> renderHeaders(CompiledWebhook webhook, TemplateContext context)
            throws RequestRenderException {
        if (webhook.config().requestTemplate() != null) {
            requireRequestTemplate(webhook);
            return RequestTemplateRequests.read(render(webhook.requestTemplate(), context,
                    RequestTemplateRequests.FIELD, templates.limits().renderTimeout())).headers();
        }
        for (FieldError problem : webhook.problems()) {
            if (problem.field().startsWith("headers")) {
                throw new RequestRenderException(problem.field(), new TemplateError(TemplateError.SYNTAX,
                        "the webhook's " + problem.field() + " is invalid: " + problem.message(), 0, 0));
            }
        }
        return renderHeaders(webhook, context, templates.limits().renderTimeout());
    }

    private Map<String, String> renderHeaders(CompiledWebhook webhook, TemplateContext context,
                                              Duration renderTimeout) throws RequestRenderException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, CompiledTemplate> header : webhook.headerTemplates().entrySet()) {
            String field = "headers." + header.getKey();
            headers.put(header.getKey(),
                    checkedValue(field, render(header.getValue(), context, field, renderTimeout)));
        }
        if (webhook.headersTemplate() != null) {
            headers.putAll(headersObject(render(webhook.headersTemplate(), context, "headers", renderTimeout)));
        }
        return headers;
    }

    private Map<String, String> headersObject(String rendered) throws RequestRenderException {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(rendered);
        } catch (JsonProcessingException e) {
            throw invalidHeaders("the headers template must render a JSON object, got: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw invalidHeaders("the headers template must render a JSON object of strings");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!HeaderNames.isValid(field.getKey())) {
                throw invalidHeaders("\"" + field.getKey() + "\" is not a valid HTTP header name");
            }
            JsonNode value = field.getValue();
            String text = value.isTextual() ? value.textValue() : value.toString();
            headers.put(field.getKey(), checkedValue("headers." + field.getKey(), text));
        }
        return headers;
    }

    private String render(CompiledTemplate template, PreparedEvent event, String field, Duration renderTimeout)
            throws RequestRenderException {
        return render(template, event.templateContext(), field, renderTimeout);
    }

    private String render(CompiledTemplate template, TemplateContext context, String field, Duration renderTimeout)
            throws RequestRenderException {
        try {
            return templates.render(template, context, renderTimeout);
        } catch (TemplateRenderException e) {
            throw new RequestRenderException(field, e.error());
        }
    }

    private static String checkedValue(String field, String value) throws RequestRenderException {
        if (!HeaderNames.isValidValue(value)) {
            throw new RequestRenderException(field,
                    new TemplateError(TemplateError.RENDER, "a header value must not contain a line break", 0, 0));
        }
        return value;
    }

    private static RequestRenderException invalidHeaders(String message) {
        return new RequestRenderException("headers", new TemplateError(TemplateError.RENDER, message, 0, 0));
    }
}
