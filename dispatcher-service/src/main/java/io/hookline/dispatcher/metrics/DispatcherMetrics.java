package io.hookline.dispatcher.metrics;

import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.topic.RetryTier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The dispatcher's meters: attempts by outcome and error class, request duration, end-to-end latency, retries and
 * dead letters written, jobs in flight, and how many circuits are in each state. Every label value comes from a fixed
 * set: no URL, webhook or tenant.
 */
@Singleton
public class DispatcherMetrics {

    /**
     * Fixed buckets, the same for both latencies: cheap to record (no per-request percentile sketch) and fine enough
     * for alerts at 1 s, 5 s or 30 s. Prometheus computes quantiles from them ({@code histogram_quantile}).
     */
    static final Duration[] BUCKETS = {
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final MeterRegistry registry;
    /** Looked up per attempt without allocating: outcome, then error class label. */
    private final Map<Outcome, Map<String, Counter>> attempts = new EnumMap<>(Outcome.class);
    private final Map<RetryTier, Counter> retriesWritten = new EnumMap<>(RetryTier.class);
    private final Map<String, Counter> deadLetters = new HashMap<>();
    private final Timer requestDuration;
    private final Timer endToEnd;
    private final Counter partitionsRevoked;

    public DispatcherMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            Map<String, Counter> byClass = new HashMap<>();
            for (String errorClass : ErrorClasses.KNOWN) {
                byClass.put(errorClass, Counter.builder("hookline.dispatcher.attempts")
                        .description("Delivery attempts by outcome and error class (none when it succeeded)")
                        .tag("outcome", outcome.wireName())
                        .tag("error_class", errorClass)
                        .register(registry));
            }
            attempts.put(outcome, byClass);
        }
        for (RetryTier tier : RetryTier.values()) {
            retriesWritten.put(tier, Counter.builder("hookline.dispatcher.retries.written")
                    .description("Retries written to a retry tier topic, by tier")
                    .tag("tier", tier.suffix())
                    .register(registry));
        }
        for (String reason : DeadLetterReason.ALL) {
            deadLetters.put(reason, Counter.builder("hookline.dispatcher.dead.letters")
                    .description("Jobs written to webhook-deliveries-dlq, by reason")
                    .tag("reason", reason)
                    .register(registry));
        }
        this.requestDuration = Timer.builder("hookline.dispatcher.request.duration")
                .description("Time from sending a webhook request to its complete response or failure")
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
        this.endToEnd = Timer.builder("hookline.dispatcher.e2e.latency")
                .description("Time from an event (its CloudEvent time, else when it was written) to the first "
                        + "request of a delivery made from it being sent")
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
        this.partitionsRevoked = Counter.builder("hookline.dispatcher.partitions.revoked")
                .description("Delivery topic partitions this instance gave up in rebalances")
                .register(registry);
    }

    /** Partitions given up in rebalances; the consumer group protocol moves only those that change owner. */
    public void partitionsRevoked(int count) {
        partitionsRevoked.increment(count);
    }

    public void attempt(Outcome outcome, String errorClass) {
        attempts.get(outcome).get(ErrorClasses.label(errorClass)).increment();
    }

    public void requestDuration(long millis) {
        requestDuration.record(millis, TimeUnit.MILLISECONDS);
    }

    /** A first attempt's request goes out {@code millis} after its event; a clock ahead of ours counts as 0. */
    public void endToEnd(long millis) {
        endToEnd.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    public void retryWritten(RetryTier tier) {
        retriesWritten.get(tier).increment();
    }

    public void deadLetter(String reason) {
        Counter counter = deadLetters.get(reason);
        (counter == null ? deadLetters.get(DeadLetterReason.OTHER) : counter).increment();
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
