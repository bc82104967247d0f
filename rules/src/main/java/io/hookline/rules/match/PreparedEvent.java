package io.hookline.rules.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.event.TraceContext;
import io.hookline.contracts.json.Json;
import io.hookline.rules.template.TemplateContext;
import java.util.List;

/**
 * One event in every form the rules need, computed once and shared by all webhooks tested against it: the JSON form
 * (filters, standard payload), the team and integration ids, and (lazily, since most webhooks have no template) the
 * template context.
 */
public final class PreparedEvent {

    private final DomainEvent event;
    private final ObjectNode json;
    private final List<String> teams;
    private final List<String> integrations;
    private final TraceContext trace;
    private volatile TemplateContext templateContext;
    private volatile String jsonText;

    private PreparedEvent(DomainEvent event) {
        this.event = event;
        this.json = event.toJson();
        JsonNode data = event.data();
        this.teams = EventFields.teams(data);
        this.integrations = EventFields.integrations(data);
        this.trace = event.trace();
    }

    public static PreparedEvent of(DomainEvent event) {
        return new PreparedEvent(event);
    }

    public DomainEvent event() {
        return event;
    }

    /** The event as structured-mode CloudEvent JSON. Do not modify. */
    public ObjectNode json() {
        return json;
    }

    /** {@link #json()} as text: the standard payload and {@code forward_all} body. */
    public String jsonText() {
        String text = jsonText;
        if (text == null) {
            text = Json.toString(json);
            jsonText = text;
        }
        return text;
    }

    public TraceContext trace() {
        return trace;
    }

    public List<String> teams() {
        return teams;
    }

    public List<String> integrations() {
        return integrations;
    }

    public TemplateContext templateContext() {
        TemplateContext context = templateContext;
        if (context == null) {
            context = TemplateContext.forEvent(json);
            templateContext = context;
        }
        return context;
    }
}
