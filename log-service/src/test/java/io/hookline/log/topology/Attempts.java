package io.hookline.log.topology;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.Outcome;
import java.time.Instant;
import java.util.Map;

/** Attempt records for tests, with the fields that matter to the log set and the rest plausible. */
public final class Attempts {

    public static final String TENANT = "default";

    private Attempts() {
    }

    public static DeliveryAttempt attempt(String webhookId, String deliveryId, int attempt, Instant at,
                                          Outcome outcome, Integer status, String eventType, long durationMs) {
        return new DeliveryAttempt(deliveryId, webhookId, TENANT, attempt, at, "https://example.com/hook", "POST",
                Map.of("Content-Type", "application/json", "Authorization", "****************",
                        "webhook-signature", "****************", "X-Team", "sre"),
                "{\"n\":" + attempt + "}", false, status, Map.of(), "ok", false, durationMs, outcome,
                outcome == Outcome.SUCCEEDED ? null : "HTTP " + status,
                outcome == Outcome.SUCCEEDED ? null : "http_status", null, "evt-" + deliveryId, eventType,
                "escalation", "{\"type\":\"" + eventType + "\"}");
    }

    public static DeliveryAttempt succeeded(String webhookId, String deliveryId, Instant at) {
        return attempt(webhookId, deliveryId, 1, at, Outcome.SUCCEEDED, 200, "incident.triggered", 20);
    }

    public static DeliveryAttempt withTenant(DeliveryAttempt a, String tenant) {
        return new DeliveryAttempt(a.deliveryId(), a.webhookId(), tenant, a.attempt(), a.timestamp(), a.url(),
                a.method(), a.requestHeaders(), a.requestBody(), a.requestBodyTruncated(), a.statusCode(),
                a.responseHeaders(), a.responseBody(), a.responseBodyTruncated(), a.durationMs(), a.outcome(),
                a.error(), a.errorClass(), a.nextAttemptAt(), a.eventId(), a.eventType(), a.trigger(), a.eventData());
    }
}
