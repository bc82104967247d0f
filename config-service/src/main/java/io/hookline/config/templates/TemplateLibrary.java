package io.hookline.config.templates;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.json.Json;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The built-in webhook templates of {@code GET /api/v1/templates}, read once from the class path: their fields from
 * {@value #INDEX}, each {@code data} template from its own {@code .jinja} file beside it.
 */
@Singleton
public final class TemplateLibrary {

    static final String DIRECTORY = "/hookline/templates/";
    static final String INDEX = DIRECTORY + "library.json";

    private final List<WebhookTemplate> templates;

    public TemplateLibrary() {
        this.templates = read(INDEX, new TypeReference<List<Entry>>() { }).stream().map(Entry::toTemplate).toList();
    }

    public List<WebhookTemplate> all() {
        return templates;
    }

    public Optional<WebhookTemplate> find(String id) {
        return templates.stream().filter(template -> template.id().equals(id)).findFirst();
    }

    public List<String> ids() {
        return templates.stream().map(WebhookTemplate::id).toList();
    }

    /** One template as {@value #INDEX} lists it. */
    private record Entry(String id, String name, String description, String httpMethod, String url, JsonNode headers,
                         String payloadFormat, String dataFile, List<WebhookTemplate.RequiredField> requiredFields,
                         List<WebhookTemplate.TemplateValue> values) {

        WebhookTemplate toTemplate() {
            return new WebhookTemplate(id, name, description, httpMethod, url,
                    headers == null || headers.isNull() ? null : headers, payloadFormat, text(DIRECTORY + dataFile),
                    requiredFields, values);
        }
    }

    private static <T> T read(String resource, TypeReference<T> type) {
        try (InputStream in = open(resource)) {
            return Json.MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static String text(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = TemplateLibrary.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the class path");
        }
        return in;
    }
}
