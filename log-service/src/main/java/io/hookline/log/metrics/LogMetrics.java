package io.hookline.log.metrics;

import io.hookline.log.store.ReadCounter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * log-service's meters: the entries its queries read from the stores ({@link ReadCounter}: a range scan reads a few,
 * a full scan many) and how long each kind of query takes. Labels are the query kinds: no webhook or tenant.
 */
@Singleton
public final class LogMetrics {

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final Timer responses;
    private final Timer stats;
    private final Timer delivery;

    public LogMetrics(MeterRegistry registry, ReadCounter reads) {
        FunctionCounter.builder("hookline.log.store.index.entries.read", reads, ReadCounter::indexEntries)
                .description("Index entries queries read from the delivery log stores")
                .register(registry);
        FunctionCounter.builder("hookline.log.store.records.read", reads, ReadCounter::records)
                .description("Attempt records queries read from the delivery log stores")
                .register(registry);
        this.responses = query(registry, "responses");
        this.stats = query(registry, "stats");
        this.delivery = query(registry, "delivery");
    }

    private static Timer query(MeterRegistry registry, String kind) {
        return Timer.builder("hookline.log.query.duration")
                .description("Time to answer a delivery log query on this instance, by kind")
                .tag("query", kind)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    /** A page of a webhook's attempts ({@code GET .../responses}). */
    public <T> T responses(Supplier<T> query) {
        return responses.record(query);
    }

    /** A webhook's stats ({@code GET .../stats}). */
    public <T> T stats(Supplier<T> query) {
        return stats.record(query);
    }

    /** One delivery's attempts gathered from every instance ({@code GET /api/v1/deliveries/{id}}). */
    public <T> T delivery(Supplier<T> query) {
        return delivery.record(query);
    }
}
