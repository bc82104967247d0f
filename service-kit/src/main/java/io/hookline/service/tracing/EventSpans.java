package io.hookline.service.tracing;

import io.hookline.contracts.event.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;

/**
 * Starts spans of Hookline's work on one event as children of the event's own trace context, so they land in the
 * producer's trace; an event without one starts a new trace.
 */
public final class EventSpans {

    private static final TextMapGetter<TraceContext> FROM_EVENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of(TraceContext.TRACEPARENT, TraceContext.TRACESTATE);
        }

        @Override
        public String get(TraceContext carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return TraceContext.TRACEPARENT.equals(key) ? carrier.traceparent()
                    : TraceContext.TRACESTATE.equals(key) ? carrier.tracestate() : null;
        }
    };

    private final SpanExport export;

    public EventSpans(SpanExport export) {
        this.export = export;
    }

    public static EventSpans off() {
        return new EventSpans(SpanExport.off());
    }

    public boolean isOn() {
        return export.isOn();
    }

    public Span start(String name, SpanKind kind, TraceContext trace) {
        if (!export.isOn()) {
            return Span.getInvalid();
        }
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), trace, FROM_EVENT);
        return export.tracer().spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
    }
}
