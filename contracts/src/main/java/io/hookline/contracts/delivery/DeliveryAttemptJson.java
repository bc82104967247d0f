package io.hookline.contracts.delivery;

import static io.hookline.contracts.delivery.DeliveryJobJson.eventData;
import static io.hookline.contracts.delivery.DeliveryJobJson.field;
import static io.hookline.contracts.delivery.DeliveryJobJson.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.hookline.contracts.event.TraceContext;
import io.hookline.contracts.json.FieldReader;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * An attempt record's JSON, written and read field by field, one per attempt. Like a job, it carries the event once
 * when the request body is the event ({@code event_data_is_body: true} in place of {@code event_data}).
 */
final class DeliveryAttemptJson {

    private DeliveryAttemptJson() {
    }

    static final class Writer extends StdSerializer<DeliveryAttempt> {

        Writer() {
            super(DeliveryAttempt.class);
        }

        @Override
        public void serialize(DeliveryAttempt attempt, JsonGenerator out, SerializerProvider provider)
                throws IOException {
            out.writeStartObject();
            field(out, "delivery_id", attempt.deliveryId());
            field(out, "webhook_id", attempt.webhookId());
            field(out, "tenant", attempt.tenant());
            out.writeNumberField("attempt", attempt.attempt());
            field(out, "timestamp", attempt.timestamp());
            field(out, "url", attempt.url());
            field(out, "method", attempt.method());
            field(out, "request_headers", attempt.requestHeaders());
            field(out, "request_body", attempt.requestBody());
            out.writeBooleanField("request_body_truncated", attempt.requestBodyTruncated());
            if (attempt.statusCode() != null) {
                out.writeNumberField("status_code", attempt.statusCode());
            }
            field(out, "response_headers", attempt.responseHeaders());
            field(out, "response_body", attempt.responseBody());
            out.writeBooleanField("response_body_truncated", attempt.responseBodyTruncated());
            out.writeNumberField("duration_ms", attempt.durationMs());
            if (attempt.outcome() != null) {
                out.writeStringField("outcome", attempt.outcome().wireName());
            }
            field(out, "error", attempt.error());
            field(out, "error_class", attempt.errorClass());
            field(out, "next_attempt_at", attempt.nextAttemptAt());
            field(out, "event_id", attempt.eventId());
            field(out, "event_type", attempt.eventType());
            field(out, "trigger", attempt.trigger());
            eventData(out, attempt.eventData(), attempt.requestBody());
            trace(out, attempt.trace());
            out.writeEndObject();
        }
    }

    static final class Reader extends StdDeserializer<DeliveryAttempt> {

        Reader() {
            super(DeliveryAttempt.class);
        }

        @Override
        public DeliveryAttempt deserialize(JsonParser in, DeserializationContext context) throws IOException {
            FieldReader read = new FieldReader(in, context);
            read.expectObject(DeliveryAttempt.class);
            String deliveryId = null;
            String webhookId = null;
            String tenant = null;
            int attempt = 0;
            Instant timestamp = null;
            String url = null;
            String method = null;
            Map<String, String> requestHeaders = null;
            String requestBody = null;
            boolean requestBodyTruncated = false;
            Integer statusCode = null;
            Map<String, String> responseHeaders = null;
            String responseBody = null;
            boolean responseBodyTruncated = false;
            long durationMs = 0;
            Outcome outcome = null;
            String error = null;
            String errorClass = null;
            Instant nextAttemptAt = null;
            String eventId = null;
            String eventType = null;
            String trigger = null;
            String traceparent = null;
            String tracestate = null;
            String eventData = null;
            boolean eventDataIsBody = false;
            for (String name = read.nextField(); name != null; name = read.nextField()) {
                switch (name) {
                    case "delivery_id" -> deliveryId = read.string();
                    case "webhook_id" -> webhookId = read.string();
                    case "tenant" -> tenant = read.string();
                    case "attempt" -> attempt = read.intValue();
                    case "timestamp" -> timestamp = read.instant();
                    case "url" -> url = read.string();
                    case "method" -> method = read.string();
                    case "request_headers" -> requestHeaders = read.stringMap();
                    case "request_body" -> requestBody = read.string();
                    case "request_body_truncated" -> requestBodyTruncated = read.bool();
                    case "status_code" -> statusCode = read.integer();
                    case "response_headers" -> responseHeaders = read.stringMap();
                    case "response_body" -> responseBody = read.string();
                    case "response_body_truncated" -> responseBodyTruncated = read.bool();
                    case "duration_ms" -> durationMs = read.longValue();
                    case "outcome" -> outcome = read.string(Outcome::fromWireName, Outcome.class);
                    case "error" -> error = read.string();
                    case "error_class" -> errorClass = read.string();
                    case "next_attempt_at" -> nextAttemptAt = read.instant();
                    case "event_id" -> eventId = read.string();
                    case "event_type" -> eventType = read.string();
                    case "trigger" -> trigger = read.string();
                    case "traceparent" -> traceparent = read.string();
                    case "tracestate" -> tracestate = read.string();
                    case "event_data" -> eventData = read.string();
                    case "event_data_is_body" -> eventDataIsBody = read.bool();
                    default -> read.skip();
                }
            }
            return new DeliveryAttempt(deliveryId, webhookId, tenant, attempt, timestamp, url, method,
                    requestHeaders, requestBody, requestBodyTruncated, statusCode, responseHeaders, responseBody,
                    responseBodyTruncated, durationMs, outcome, error, errorClass, nextAttemptAt, eventId, eventType,
                    trigger, eventDataIsBody ? requestBody : eventData,
                    TraceContext.of(traceparent, tracestate));
        }
    }
}
