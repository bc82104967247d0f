package io.hookline.dispatcher.delivery;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.dispatcher.http.HttpOutcome;
import io.hookline.service.tracing.EventSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;

/** The span of one attempt, a child of the event's trace context; ids as attributes, never the URL or headers. */
final class AttemptSpans {

    static final String NAME = "hookline.attempt";

    private AttemptSpans() {
    }

    static Span start(EventSpans spans, DeliveryJob job) {
        Span span = spans.start(NAME, SpanKind.CLIENT, job.trace());
        if (span.isRecording()) {
            span.setAttribute("hookline.webhook_id", job.webhookId());
            span.setAttribute("hookline.delivery_id", job.deliveryId());
            span.setAttribute("hookline.event_id", job.eventId());
            span.setAttribute("hookline.attempt", job.attempt());
            span.setAttribute("http.request.method", job.method());
        }
        return span;
    }

    static void end(Span span, HttpOutcome http, Throwable error) {
        if (span.isRecording()) {
            if (error != null) {
                span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
            } else if (http.statusCode() != null) {
                span.setAttribute("http.response.status_code", http.statusCode());
            }
            if (error == null && !http.isSuccess()) {
                span.setStatus(StatusCode.ERROR, http.errorClass() == null ? "failed" : http.errorClass());
            }
        }
        span.end();
    }
}
