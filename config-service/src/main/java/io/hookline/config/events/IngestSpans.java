package io.hookline.config.events;

import io.hookline.contracts.event.DomainEvent;
import io.hookline.service.tracing.EventSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.util.List;

/** One span per event posted to {@code POST /api/v1/events}, in the event's trace, over its write to Kafka. */
final class IngestSpans {

    static final String NAME = "hookline.ingest";

    private IngestSpans() {
    }

    static List<Span> start(EventSpans spans, List<DomainEvent> events) {
        if (!spans.isOn()) {
            return List.of();
        }
        return events.stream().map(event -> {
            Span span = spans.start(NAME, SpanKind.PRODUCER, event.trace());
            span.setAttribute("hookline.event_id", event.id());
            span.setAttribute("hookline.event_type", event.type());
            return span;
        }).toList();
    }

    static void end(List<Span> spans, Throwable error) {
        for (Span span : spans) {
            if (error != null) {
                span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
            }
            span.end();
        }
    }
}
