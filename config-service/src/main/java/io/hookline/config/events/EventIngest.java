package io.hookline.config.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.config.error.ProblemException;
import io.hookline.config.metrics.ConfigMetrics;
import io.hookline.config.validation.FieldErrors;
import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.event.DomainEventParser;
import io.hookline.contracts.event.InvalidEventException;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.size.SizeLimits;
import io.hookline.service.auth.Caller;
import io.hookline.service.tracing.EventSpans;
import io.opentelemetry.api.trace.Span;
import jakarta.inject.Singleton;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks events posted over HTTP and hands them to Kafka: all or nothing, each keyed by its subject (its id when it
 * has none), each in the caller's tenant, each within the event size limit (as the matcher measures it: the record's
 * value and headers).
 */
@Singleton
public final class EventIngest {

    static final int MAX_EVENTS = 1_000;

    private final DomainEventParser parser = new DomainEventParser();
    private final EventPublisher publisher;
    private final SizeLimits limits;
    private final ConfigMetrics metrics;
    private final EventSpans spans;

    public EventIngest(EventPublisher publisher, SizeLimits limits, ConfigMetrics metrics, EventSpans spans) {
        this.publisher = publisher;
        this.limits = limits;
        this.metrics = metrics;
        this.spans = spans;
    }

    /** How many events a body carries: 1, or the length of a batch; a 400 problem for an empty or too long batch. */
    public static int countEvents(JsonNode body) {
        if (!body.isArray()) {
            return 1;
        }
        if (body.isEmpty() || body.size() > MAX_EVENTS) {
            throw ProblemException.invalid("", "must hold 1 to " + MAX_EVENTS + " events");
        }
        return body.size();
    }

    /**
     * The ids of the events accepted; a 413 problem naming each event over the size limit, a 400 problem naming each
     * bad element, or 403 for a foreign tenant.
     */
    public List<String> ingest(Caller caller, JsonNode body) {
        boolean batch = body.isArray();
        int count = countEvents(body);
        List<JsonNode> elements = new ArrayList<>(count);
        if (batch) {
            body.forEach(elements::add);
        } else {
            elements.add(body);
        }
        FieldErrors errors = new FieldErrors();
        List<String> oversized = new ArrayList<>();
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<DomainEvent> accepted = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            String at = batch ? "[" + i + "]" : "";
            JsonNode element = elements.get(i);
            try {
                DomainEvent event = parser.fromJson(element);
                ObjectNode json = inCallerTenant(caller, (ObjectNode) element, at);
                byte[] value = Json.toBytes(json);
                long size = EventPublisher.recordSize(value);
                if (size > limits.eventMaxBytes()) {
                    oversized.add((batch ? "event " + at + ": " : "") + DomainEventParser.tooLarge(size,
                            limits.eventMaxBytes()));
                    continue;
                }
                records.add(new AbstractMap.SimpleImmutableEntry<>(
                        event.subject() != null ? event.subject() : event.id(), value));
                ids.add(event.id());
                accepted.add(event);
            } catch (InvalidEventException e) {
                errors.add(at, e.getMessage() + " (" + e.reason() + ")");
                metrics.eventsRefused(ConfigMetrics.Refusal.INVALID, 1);
            } catch (ProblemException e) {
                metrics.eventsRefused(ConfigMetrics.Refusal.FOREIGN_TENANT, 1);
                throw e;
            }
        }
        metrics.eventsRefused(ConfigMetrics.Refusal.TOO_LARGE, oversized.size());
        if (!oversized.isEmpty()) {
            throw ProblemException.tooLarge(String.join("; ", oversized));
        }
        errors.throwIfAny();
        List<Span> ingestSpans = IngestSpans.start(spans, accepted);
        try {
            publisher.publish(records);
        } catch (RuntimeException e) {
            IngestSpans.end(ingestSpans, e);
            throw e;
        }
        IngestSpans.end(ingestSpans, null);
        metrics.eventsIngested(records.size());
        return ids;
    }

    private static ObjectNode inCallerTenant(Caller caller, ObjectNode event, String at) {
        JsonNode tenant = event.get("tenant");
        if (tenant == null || tenant.isNull() || tenant.asText().isBlank()) {
            return event.deepCopy().put("tenant", caller.tenant());
        }
        if (!tenant.asText().equals(caller.tenant()) && !caller.isBootstrapAdmin()) {
            throw ProblemException.forbidden("Event" + (at.isEmpty() ? "" : " " + at) + " names tenant \""
                    + tenant.asText() + "\"; this token may only send events of tenant \"" + caller.tenant() + "\"");
        }
        return event;
    }
}
