package io.hookline.log.query;

import io.hookline.contracts.delivery.Outcome;
import io.hookline.log.store.LogStoreView;
import io.hookline.log.topology.WebhookState;
import io.hookline.log.topology.WebhookState.EndpointState;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Computes a webhook's stats over a recent window from the index and its latest state. */
public final class StatsQuery {

    private static final int SIGNIFICANT_DIGITS = 3;
    private static final List<String> CIRCUIT_SEVERITY = List.of("closed", "half_open", "open");

    private final TimeBounds bounds;

    public StatsQuery(TimeBounds bounds) {
        this.bounds = bounds;
    }

    public WebhookStats stats(LogStoreView view, String webhookId, String windowText, Duration window) {
        Instant to = bounds.now();
        Instant from = bounds.from(to.minus(window));
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        Histogram latencies = new Histogram(SIGNIFICANT_DIGITS);
        view.scanNewestFirst(webhookId, from, to, attempt -> {
            counts.merge(attempt.entry().outcome(), 1L, Long::sum);
            latencies.recordValue(Math.max(0, attempt.entry().durationMs()));
            return true;
        });
        long total = latencies.getTotalCount();
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            byOutcome.put(outcome.wireName(), counts.getOrDefault(outcome, 0L));
        }
        WebhookState state = view.state(webhookId).orElse(WebhookState.empty(webhookId));
        List<EndpointState> endpoints = List.copyOf(state.endpoints().values());
        EndpointState gone = endpoints.stream().filter(EndpointState::disabledByGone).findFirst().orElse(null);
        return new WebhookStats(webhookId, windowText, from.toString(), to.toString(), total, byOutcome,
                total == 0 ? null : (double) counts.getOrDefault(Outcome.SUCCEEDED, 0L) / total,
                latency(latencies),
                state.lastSuccessAt() == null ? null : state.lastSuccessAt().toString(),
                state.lastFailure(),
                worstCircuit(endpoints),
                gone != null,
                gone == null ? null : gone.reason(),
                endpoints,
                state.lastExhausted());
    }

    private static WebhookStats.Latency latency(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return new WebhookStats.Latency(null, null, null, null);
        }
        return new WebhookStats.Latency(histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(95),
                histogram.getValueAtPercentile(99), histogram.getMaxValue());
    }

    private static String worstCircuit(List<EndpointState> endpoints) {
        return endpoints.stream().map(EndpointState::circuitBreaker)
                .filter(CIRCUIT_SEVERITY::contains)
                .max((a, b) -> Integer.compare(CIRCUIT_SEVERITY.indexOf(a), CIRCUIT_SEVERITY.indexOf(b)))
                .orElse("closed");
    }
}
