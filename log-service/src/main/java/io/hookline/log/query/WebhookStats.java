package io.hookline.log.query;

import io.hookline.log.topology.WebhookState;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /webhooks/{id}/stats}: attempts in the window by outcome, success rate (succeeded attempts over all
 * attempts, null without attempts), latency percentiles, and the webhook's operational state.
 */
public record WebhookStats(
        String webhookId,
        String window,
        String from,
        String to,
        long total,
        Map<String, Long> counts,
        Double successRate,
        Latency latencyMs,
        String lastSuccess,
        WebhookState.Failure lastFailure,
        String circuitBreaker,
        boolean disabled,
        String disabledReason,
        List<WebhookState.EndpointState> endpoints,
        WebhookState.Exhaustion lastExhausted) {

    /** Latency percentiles in milliseconds; null values without attempts. */
    public record Latency(Long p50, Long p95, Long p99, Long max) {
    }
}
