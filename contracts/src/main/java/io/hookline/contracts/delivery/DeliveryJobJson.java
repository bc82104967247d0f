package io.hookline.contracts.delivery;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.hookline.contracts.event.TraceContext;
import io.hookline.contracts.json.FieldReader;
import io.hookline.contracts.webhook.Ordering;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A delivery job's JSON, written and read field by field: every job crosses it at least twice. For the standard and
 * forward-all payloads the body is the event itself, so {@code event_data} is left out and
 * {@code event_data_is_body: true} written instead: the event travels once.
 */
final class DeliveryJobJson {

    private DeliveryJobJson() {
    }

    static final class Writer extends StdSerializer<DeliveryJob> {

        Writer() {
            super(DeliveryJob.class);
        }

        @Override
        public void serialize(DeliveryJob job, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            field(out, "delivery_id", job.deliveryId());
            field(out, "webhook_id", job.webhookId());
            out.writeNumberField("webhook_version", job.webhookVersion());
            field(out, "tenant", job.tenant());
            field(out, "url", job.url());
            field(out, "method", job.method());
            field(out, "headers", job.headers());
            field(out, "body", job.body());
            field(out, "event_id", job.eventId());
            field(out, "event_type", job.eventType());
            field(out, "event_subject", job.eventSubject());
            field(out, "trigger", job.trigger());
            eventData(out, job.eventData(), job.body());
            field(out, "position", job.position());
            field(out, "ordering", job.ordering().wireName());
            out.writeNumberField("attempt", job.attempt());
            out.writeNumberField("max_retries", job.maxRetries());
            out.writeNumberField("timeout_ms", job.timeoutMs());
            field(out, "created_at", job.createdAt());
            field(out, "due_at", job.dueAt());
            field(out, "last_error", job.lastError());
            field(out, "redelivery_of", job.redeliveryOf());
            field(out, "event_time", job.eventTime());
            trace(out, job.trace());
            if (!Objects.equals(job.endpointUrl(), job.url())) {
                field(out, "endpoint_url", job.endpointUrl());
            }
            out.writeEndObject();
        }
    }

    static final class Reader extends StdDeserializer<DeliveryJob> {

        Reader() {
            super(DeliveryJob.class);
        }

        @Override
        public DeliveryJob deserialize(JsonParser in, DeserializationContext context) throws IOException {
            FieldReader read = new FieldReader(in, context);
            read.expectObject(DeliveryJob.class);
            String deliveryId = null;
            String webhookId = null;
            long webhookVersion = 0;
            String tenant = null;
            String url = null;
            String method = null;
            Map<String, String> headers = null;
            String body = null;
            String eventId = null;
            String eventType = null;
            String eventSubject = null;
            String trigger = null;
            String eventData = null;
            boolean eventDataIsBody = false;
            String position = null;
            Ordering ordering = null;
            int attempt = 0;
            int maxRetries = 0;
            int timeoutMs = 0;
            Instant createdAt = null;
            Instant dueAt = null;
            String lastError = null;
            String redeliveryOf = null;
            Instant eventTime = null;
            String traceparent = null;
            String tracestate = null;
            String endpointUrl = null;
            for (String name = read.nextField(); name != null; name = read.nextField()) {
                switch (name) {
                    case "delivery_id" -> deliveryId = read.string();
                    case "webhook_id" -> webhookId = read.string();
                    case "webhook_version" -> webhookVersion = read.longValue();
                    case "tenant" -> tenant = read.string();
                    case "url" -> url = read.string();
                    case "method" -> method = read.string();
                    case "headers" -> headers = read.stringMap();
                    case "body" -> body = read.string();
                    case "event_id" -> eventId = read.string();
                    case "event_type" -> eventType = read.string();
                    case "event_subject" -> eventSubject = read.string();
                    case "trigger" -> trigger = read.string();
                    case "event_data" -> eventData = read.string();
                    case "event_data_is_body" -> eventDataIsBody = read.bool();
                    case "position" -> position = read.string();
                    case "ordering" -> ordering = read.string(Ordering::fromWireName, Ordering.class);
                    case "attempt" -> attempt = read.intValue();
                    case "max_retries" -> maxRetries = read.intValue();
                    case "timeout_ms" -> timeoutMs = read.intValue();
                    case "created_at" -> createdAt = read.instant();
                    case "due_at" -> dueAt = read.instant();
                    case "last_error" -> lastError = read.string();
                    case "redelivery_of" -> redeliveryOf = read.string();
                    case "event_time" -> eventTime = read.instant();
                    case "traceparent" -> traceparent = read.string();
                    case "tracestate" -> tracestate = read.string();
                    case "endpoint_url" -> endpointUrl = read.string();
                    default -> read.skip();
                }
            }
            return new DeliveryJob(deliveryId, webhookId, webhookVersion, tenant, url, method, headers, body,
                    eventId, eventType, eventSubject, trigger, eventDataIsBody ? body : eventData, position,
                    ordering, attempt, maxRetries, timeoutMs, createdAt, dueAt, lastError, redeliveryOf, eventTime,
                    TraceContext.of(traceparent, tracestate), endpointUrl);
        }
    }

    static void field(JsonGenerator out, String name, String value) throws IOException {
        if (value != null) {
            out.writeStringField(name, value);
        }
    }

    static void field(JsonGenerator out, String name, Map<String, String> values) throws IOException {
        out.writeObjectFieldStart(name);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            field(out, entry.getKey(), entry.getValue());
        }
        out.writeEndObject();
    }

    static void field(JsonGenerator out, String name, Instant value) throws IOException {
        if (value != null) {
            out.writeStringField(name, value.toString());
        }
    }

    static void trace(JsonGenerator out, TraceContext trace) throws IOException {
        field(out, "traceparent", trace.traceparent());
        field(out, "tracestate", trace.tracestate());
    }

    static void eventData(JsonGenerator out, String eventData, String body) throws IOException {
        if (eventData != null && Objects.equals(eventData, body)) {
            out.writeBooleanField("event_data_is_body", true);
        } else {
            field(out, "event_data", eventData);
        }
    }
}
