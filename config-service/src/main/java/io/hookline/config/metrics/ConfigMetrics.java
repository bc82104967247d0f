package io.hookline.config.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;

/**
 * config-service's meters: events taken in over REST, events refused, and configuration writes by kind. The labels
 * come from fixed sets: no tenant, webhook or token.
 */
@Singleton
public final class ConfigMetrics {

    /** A configuration change that was written. */
    public enum Write {
        WEBHOOK_CREATED, WEBHOOK_UPDATED, WEBHOOK_DELETED, WEBHOOK_SECRET_ROTATED, TOKEN_CREATED, TOKEN_REVOKED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Why an event posted over REST was refused. */
    public enum Refusal {
        INVALID, TOO_LARGE, FOREIGN_TENANT;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Counter eventsIngested;
    private final Map<Refusal, Counter> eventsRefused = new EnumMap<>(Refusal.class);
    private final Map<Write, Counter> writes = new EnumMap<>(Write.class);

    public ConfigMetrics(MeterRegistry registry) {
        this.eventsIngested = Counter.builder("hookline.config.events.ingested")
                .description("Events posted to POST /api/v1/events and written to domain-events")
                .register(registry);
        for (Refusal reason : Refusal.values()) {
            eventsRefused.put(reason, Counter.builder("hookline.config.events.invalid")
                    .description("Events posted to POST /api/v1/events and refused, by reason")
                    .tag("reason", reason.label())
                    .register(registry));
        }
        for (Write kind : Write.values()) {
            writes.put(kind, Counter.builder("hookline.config.writes")
                    .description("Configuration changes written to Kafka, by kind")
                    .tag("kind", kind.label())
                    .register(registry));
        }
    }

    public void eventsIngested(int count) {
        eventsIngested.increment(count);
    }

    public void eventsRefused(Refusal reason, int count) {
        eventsRefused.get(reason).increment(count);
    }

    public void written(Write kind) {
        writes.get(kind).increment();
    }
}
