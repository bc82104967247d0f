package io.hookline.rules.match;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.json.Json;
import io.hookline.rules.template.TemplateError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Reads the rendered output of a {@code request_template} (All Quiet's request JSON) into a request:
 * {@code {"method", "url", "headers", "body": {"text" | "formData" | "json"}}}. The first body kind in the rendered
 * body object wins; {@code formData} (an object of strings) is sent {@code application/x-www-form-urlencoded},
 * {@code json} as JSON ({@code application/json} unless the headers name another type), {@code text} as
 * {@code text/plain; charset=utf-8} unless the headers name another type. The URL is checked like a configured
 * {@code url} ({@link EndpointUrls}); the dispatcher's SSRF guard applies at send time as to every request. Other
 * top-level keys (All Quiet's {@code enableIncidentUpdates}) are ignored: Hookline has fields for them.
 */
final class RequestTemplateRequests {

    static final String FIELD = "request_template";
    private static final String CONTENT_TYPE = "Content-Type";
    private static final List<String> BODY_KINDS = List.of("text", "formData", "json");

    private RequestTemplateRequests() {
    }

    static RenderedRequest read(String rendered) throws RequestRenderException {
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(rendered);
        } catch (JsonProcessingException e) {
            throw invalid("must render a JSON object, got: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            throw invalid("must render a JSON object {\"method\", \"url\", \"headers\", \"body\"}");
        }
        String method = method(request.get("method"));
        String url = url(request.get("url"));
        Map<String, String> headers = headers(request.get("headers"));
        String body = body(request.get("body"), headers);
        return new RenderedRequest(method, List.of(url), headers, body, RenderedRequest.BodyMode.REQUEST_TEMPLATE);
    }

    private static String method(JsonNode method) throws RequestRenderException {
        if (method == null || !method.isTextual()) {
            throw invalid("\"method\" must be one of " + HttpMethods.ALL);
        }
        String upper = method.textValue().toUpperCase(Locale.ROOT);
        if (!HttpMethods.ALL.contains(upper)) {
            throw invalid("\"method\" must be one of " + HttpMethods.ALL + ", got \"" + method.textValue() + "\"");
        }
        return upper;
    }

    private static String url(JsonNode url) throws RequestRenderException {
        if (url == null || !url.isTextual() || url.textValue().isBlank()) {
            throw invalid("\"url\" must be a URL string");
        }
        String text = url.textValue();
        var problem = EndpointUrls.problemWith(text);
        if (problem.isPresent()) {
            throw invalid("\"url\" " + problem.get() + ", got \"" + text + "\"");
        }
        return text;
    }

    private static Map<String, String> headers(JsonNode headers) throws RequestRenderException {
        Map<String, String> read = new LinkedHashMap<>();
        if (headers == null || headers.isNull()) {
            return read;
        }
        if (!headers.isObject()) {
            throw invalid("\"headers\" must be an object of strings");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = headers.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> header = fields.next();
            if (!HeaderNames.isValid(header.getKey())) {
                throw invalid("\"" + header.getKey() + "\" is not a valid HTTP header name");
            }
            String value = scalar(header.getValue(), "headers." + header.getKey());
            if (!HeaderNames.isValidValue(value)) {
                throw invalid("the value of header \"" + header.getKey() + "\" must not contain a line break");
            }
            read.put(header.getKey(), value);
        }
        return read;
    }

    /** The body of the first kind given; sets the content type the kind implies. */
    private static String body(JsonNode body, Map<String, String> headers) throws RequestRenderException {
        if (body == null || body.isNull()) {
            return "";
        }
        if (!body.isObject()) {
            throw invalid("\"body\" must be an object with one of " + BODY_KINDS);
        }
        Iterator<String> kinds = body.fieldNames();
        while (kinds.hasNext()) {
            String kind = kinds.next();
            if (!BODY_KINDS.contains(kind)) {
                throw invalid("\"body\" has an unknown kind \"" + kind + "\"; one of " + BODY_KINDS);
            }
        }
        if (body.isEmpty()) {
            return "";
        }
        String first = body.fieldNames().next();
        JsonNode content = body.get(first);
        switch (first) {
            case "text" -> {
                if (!content.isTextual()) {
                    throw invalid("\"body.text\" must be a string");
                }
                defaultContentType(headers, "text/plain; charset=utf-8");
                return content.textValue();
            }
            case "formData" -> {
                String form = formData(content);
                headers.keySet().removeIf(name -> name.equalsIgnoreCase(CONTENT_TYPE));
                headers.put(CONTENT_TYPE, "application/x-www-form-urlencoded");
                return form;
            }
            default -> {
                defaultContentType(headers, "application/json");
                return Json.toString(content);
            }
        }
    }

    private static String formData(JsonNode form) throws RequestRenderException {
        if (!form.isObject()) {
            throw invalid("\"body.formData\" must be an object of strings");
        }
        StringJoiner encoded = new StringJoiner("&");
        Iterator<Map.Entry<String, JsonNode>> fields = form.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String value = scalar(field.getValue(), "body.formData." + field.getKey());
            encoded.add(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return encoded.toString();
    }

    /** A string, or a number or boolean written as text (templates often render {@code "count": 3}). */
    private static String scalar(JsonNode value, String where) throws RequestRenderException {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        throw invalid("\"" + where + "\" must be a string");
    }

    private static void defaultContentType(Map<String, String> headers, String type) {
        if (headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase(CONTENT_TYPE))) {
            headers.put(CONTENT_TYPE, type);
        }
    }

    private static RequestRenderException invalid(String message) {
        return new RequestRenderException(FIELD, new TemplateError(TemplateError.RENDER, message, 0, 0));
    }
}
