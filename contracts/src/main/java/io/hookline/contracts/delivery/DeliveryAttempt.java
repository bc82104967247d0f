package io.hookline.contracts.delivery;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.hookline.contracts.event.TraceContext;
import java.time.Instant;
import java.util.Map;

/**
 * One record per attempt on {@code webhook-delivery-log}, keyed by webhook id. Secret headers are already masked and
 * bodies capped (with the truncation flags set) when the dispatcher writes it.
 *
 * @param errorClass {@code timeout}, {@code connection_refused}, {@code tls}, {@code ssrf_blocked}, {@code proxy},
 *                   {@code http_status}, {@code template} ... or null on success
 */
@JsonSerialize(using = DeliveryAttemptJson.Writer.class)
@JsonDeserialize(using = DeliveryAttemptJson.Reader.class)
public record DeliveryAttempt(
        String deliveryId,
        String webhookId,
        String tenant,
        int attempt,
        Instant timestamp,
        String url,
        String method,
        Map<String, String> requestHeaders,
        String requestBody,
        boolean requestBodyTruncated,
        Integer statusCode,
        Map<String, String> responseHeaders,
        String responseBody,
        boolean responseBodyTruncated,
        long durationMs,
        Outcome outcome,
        String error,
        String errorClass,
        Instant nextAttemptAt,
        String eventId,
        String eventType,
        String trigger,
        String eventData,
        TraceContext trace) {

    public DeliveryAttempt {
        trace = TraceContext.orNone(trace);
        requestHeaders = requestHeaders == null ? Map.of() : Map.copyOf(requestHeaders);
        responseHeaders = responseHeaders == null ? Map.of() : Map.copyOf(responseHeaders);
    }

    /** An attempt for an event without a trace context. */
    public DeliveryAttempt(String deliveryId, String webhookId, String tenant, int attempt, Instant timestamp,
                           String url, String method, Map<String, String> requestHeaders, String requestBody,
                           boolean requestBodyTruncated, Integer statusCode, Map<String, String> responseHeaders,
                           String responseBody, boolean responseBodyTruncated, long durationMs, Outcome outcome,
                           String error, String errorClass, Instant nextAttemptAt, String eventId, String eventType,
                           String trigger, String eventData) {
        this(deliveryId, webhookId, tenant, attempt, timestamp, url, method, requestHeaders, requestBody,
                requestBodyTruncated, statusCode, responseHeaders, responseBody, responseBodyTruncated, durationMs,
                outcome, error, errorClass, nextAttemptAt, eventId, eventType, trigger, eventData, TraceContext.NONE);
    }

    public DeliveryAttempt withTrace(TraceContext value) {
        return new DeliveryAttempt(deliveryId, webhookId, tenant, attempt, timestamp, url, method, requestHeaders,
                requestBody, requestBodyTruncated, statusCode, responseHeaders, responseBody, responseBodyTruncated,
                durationMs, outcome, error, errorClass, nextAttemptAt, eventId, eventType, trigger, eventData, value);
    }
}
