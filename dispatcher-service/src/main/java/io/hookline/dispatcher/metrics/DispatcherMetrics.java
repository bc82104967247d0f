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

/** The dispatcher's meters: attempts by outcome, request latency, jobs in flight, and each endpoint's circuit. */
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

    public void forgetCircuit(String webhookId, String url) {
        Gauge gauge = registry.find("hookline.dispatcher.circuit.state").tag("webhook_id", webhookId).tag("url", url)
                .gauge();
        if (gauge != null) {
            registry.remove(gauge);
        }
    }

    /** 0 closed, 1 half open, 2 open (Resilience4j's order of states is not used: it may change). */
    public void circuitState(String webhookId, String url, Supplier<Number> state) {
        Gauge.builder("hookline.dispatcher.circuit.state", state)
                .description("Circuit of an endpoint: 0 closed, 1 half open, 2 open")
                .tag("webhook_id", webhookId)
                .tag("url", url)
                .register(registry);
    }
}
