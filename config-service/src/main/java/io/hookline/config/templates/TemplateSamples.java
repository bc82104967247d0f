package io.hookline.config.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.config.catalogue.EventType;
import io.hookline.config.catalogue.EventTypeCatalogue;
import io.hookline.contracts.json.Json;
import io.hookline.rules.template.TemplateContext;
import io.hookline.rules.template.TemplateEngine;
import io.hookline.rules.template.TemplateRenderException;
import io.hookline.rules.template.TemplateSyntaxException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** Every template with its sample rendering, made once at start with the service's own template engine. */
@Singleton
public final class TemplateSamples {

    private final List<TemplateResponse> responses;

    public TemplateSamples(TemplateLibrary library, EventTypeCatalogue catalogue, TemplateEngine engine) {
        // The first event of the catalogue: an incident being triggered.
        EventType sample = catalogue.all().get(0);
        this.responses = library.all().stream().map(template -> response(template, sample, engine)).toList();
    }

    public List<TemplateResponse> all() {
        return responses;
    }

    private static TemplateResponse response(WebhookTemplate template, EventType sample, TemplateEngine engine) {
        return new TemplateResponse(template.id(), template.name(), template.description(),
                new TemplateResponse.Fields(template.httpMethod(), template.url(), template.headers(),
                        template.payloadFormat(), template.data()),
                template.requiredFields(), template.values(),
                new TemplateResponse.Sample(sample.type(), render(template, sample, engine)));
    }

    private static JsonNode render(WebhookTemplate template, EventType sample, TemplateEngine engine) {
        String body;
        try {
            body = engine.render(engine.compile(template.dataWith(Map.of())),
                    TemplateContext.forEvent((ObjectNode) sample.sample()));
            return Json.MAPPER.readTree(body);
        } catch (TemplateSyntaxException | TemplateRenderException | JsonProcessingException e) {
            // The library's tests render every template for every catalogue event; this is a broken build.
            throw new IllegalStateException("built-in template " + template.id() + " does not render its sample", e);
        }
    }
}
