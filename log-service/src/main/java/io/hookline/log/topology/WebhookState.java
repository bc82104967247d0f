package io.hookline.log.topology;

import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latest known state of one webhook, kept apart from the time-bounded index: its tenant, its last success and
 * failure (however long ago), and per endpoint the circuit breaker and whether a 410 disabled it.
 */
public record WebhookState(
        String webhookId,
        String tenant,
        Instant lastSuccessAt,
        Failure lastFailure,
        Map<String, EndpointState> endpoints,
        Exhaustion lastExhausted) {

    public WebhookState {
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
    }

    public static WebhookState empty(String webhookId) {
        return new WebhookState(webhookId, null, null, null, Map.of(), null);
    }

    public WebhookState withTenant(String value) {
        return value == null ? this : new WebhookState(webhookId, value, lastSuccessAt, lastFailure, endpoints,
                lastExhausted);
    }

    public WebhookState withSuccess(Instant at) {
        Instant latest = lastSuccessAt == null || at.isAfter(lastSuccessAt) ? at : lastSuccessAt;
        return new WebhookState(webhookId, tenant, latest, lastFailure, endpoints, lastExhausted);
    }

    public WebhookState withFailure(Failure failure) {
        Failure latest = lastFailure == null || !failure.timestamp().isBefore(lastFailure.timestamp())
                ? failure : lastFailure;
        return new WebhookState(webhookId, tenant, lastSuccessAt, latest, endpoints, lastExhausted);
    }

    public WebhookState withEndpoint(EndpointState endpoint) {
        Map<String, EndpointState> updated = new LinkedHashMap<>(endpoints);
        updated.put(endpoint.url() == null ? "" : endpoint.url(), endpoint);
        return new WebhookState(webhookId, tenant, lastSuccessAt, lastFailure, updated, lastExhausted);
    }

    public WebhookState withExhaustion(Exhaustion exhaustion) {
        return new WebhookState(webhookId, tenant, lastSuccessAt, lastFailure, endpoints, exhaustion);
    }

    public byte[] toBytes() {
        return Json.toBytes(this);
    }

    public static WebhookState fromBytes(byte[] bytes) {
        return Json.fromBytes(bytes, WebhookState.class);
    }

    /** The newest attempt that did not succeed. */
    public record Failure(Instant timestamp, String deliveryId, Outcome outcome, Integer statusCode, String error) {
    }

    /**
     * One endpoint's operational state as the dispatcher reported it.
     *
     * @param circuitBreaker {@code closed}, {@code open} or {@code half_open}
     * @param disabledByGone true once a 410 answer disabled the endpoint, until it is recovered
     */
    public record EndpointState(String url, String circuitBreaker, boolean disabledByGone, String reason,
                                Instant since) {
    }

    /** The last delivery that used up all its retries. */
    public record Exhaustion(Instant timestamp, String deliveryId, String url, String error) {
    }
}
