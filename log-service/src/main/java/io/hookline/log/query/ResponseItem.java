package io.hookline.log.query;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.json.Json;

/**
 * One attempt as the API shows it: Grafana OnCall's {@code responses} fields first (headers and event data as JSON
 * strings, as OnCall has them), then Hookline's, ending with the event's trace context.
 */
public record ResponseItem(
        String timestamp,
        String url,
        String requestTrigger,
        String requestHeaders,
        String requestData,
        Integer statusCode,
        String content,
        String eventData,
        String deliveryId,
        String webhookId,
        String eventId,
        String eventType,
        int attempt,
        String outcome,
        long durationMs,
        String error,
        String errorClass,
        String httpMethod,
        boolean requestDataTruncated,
        boolean contentTruncated,
        String nextAttemptAt,
        String redeliveryOf,
        String traceparent,
        String tracestate) {

    public static ResponseItem of(DeliveryAttempt attempt) {
        return new ResponseItem(
                attempt.timestamp() == null ? null : attempt.timestamp().toString(),
                attempt.url(),
                attempt.trigger() == null ? "" : attempt.trigger(),
                attempt.requestHeaders().isEmpty() ? null : Json.toString(attempt.requestHeaders()),
                attempt.requestBody(),
                attempt.statusCode(),
                attempt.responseBody(),
                attempt.eventData(),
                attempt.deliveryId(),
                attempt.webhookId(),
                attempt.eventId(),
                attempt.eventType(),
                attempt.attempt(),
                attempt.outcome() == null ? null : attempt.outcome().wireName(),
                attempt.durationMs(),
                attempt.error(),
                attempt.errorClass(),
                attempt.method(),
                attempt.requestBodyTruncated(),
                attempt.responseBodyTruncated(),
                attempt.nextAttemptAt() == null ? null : attempt.nextAttemptAt().toString(),
                null,
                attempt.trace().traceparent(),
                attempt.trace().tracestate());
    }
}
