package io.hookline.dispatcher.metrics;

import io.hookline.contracts.delivery.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/** The dispatcher's meters: attempts by outcome, request latency, jobs in flight, and how many circuits are in each state. */
@Singleton
public class DispatcherMetrics {

    private final MeterRegistry registry;
    private final Map<Outcome, Counter> attempts = new EnumMap<>(Outcome.class);
    private final Timer requestDuration;
    private final Counter partitionsRevoked;

    public DispatcherMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            attempts.put(outcome, Counter.builder("hookline.dispatcher.attempts")
                    .description("Delivery attempts by outcome")
                    .tag("outcome", outcome.wireName())
                    .register(registry));
        }
        this.requestDuration = Timer.builder("hookline.dispatcher.request.duration")
                .description("Time from sending a webhook request to its complete response or failure")
                .publishPercentileHistogram()
                .register(registry);
        this.partitionsRevoked = Counter.builder("hookline.dispatcher.partitions.revoked")
                .description("Delivery topic partitions this instance gave up in rebalances")
                .register(registry);
    }

    /** Partitions given up in rebalances; the consumer group protocol moves only those that change owner. */
    public void partitionsRevoked(int count) {
        partitionsRevoked.increment(count);
    }

    public void attempt(Outcome outcome) {
        attempts.get(outcome).increment();
    }

    public void requestDuration(long millis) {
        requestDuration.record(Duration.ofMillis(millis));
    }

    public void inFlight(String name, Supplier<Number> value) {
        Gauge.builder("hookline.dispatcher." + name, value).register(registry);
    }

    /**
     * Endpoints whose circuit is in each state ({@code closed}, {@code half_open}, {@code open}). Counts only: an
     * endpoint's URL or webhook is tenant data (a Slack URL is a bearer secret) and would grow the series without
     * bound, so per-endpoint state stays in the authenticated stats API.
     */
    public void circuits(ToIntFunction<CircuitState> endpointsIn) {
        for (CircuitState state : CircuitState.values()) {
            Gauge.builder("hookline.dispatcher.circuits", () -> endpointsIn.applyAsInt(state))
                    .description("Endpoints whose circuit is in this state")
                    .tag("state", state.label())
                    .register(registry);
        }
    }
}
