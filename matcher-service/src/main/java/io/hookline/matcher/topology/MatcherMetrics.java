package io.hookline.matcher.topology;

import io.hookline.matcher.index.WebhookIndex;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The matcher's counters, exported on {@code /prometheus} as {@code hookline_matcher_*}. */
public final class MatcherMetrics {

    private final MeterRegistry registry;
    private final Counter events;
    private final Counter matches;
    private final Counter jobs;
    private final Counter templateFailures;
    private final Counter renderRetries;
    private final Counter oversizedJobs;

    public MatcherMetrics(MeterRegistry registry, WebhookIndex index) {
        this.registry = registry;
        this.events = Counter.builder("hookline.matcher.events").description("Domain events read").register(registry);
        this.matches = Counter.builder("hookline.matcher.matches")
                .description("Webhooks an event matched and was rendered for (one per event and webhook)")
                .register(registry);
        this.jobs = Counter.builder("hookline.matcher.jobs").description("Delivery jobs produced").register(registry);
        this.templateFailures = Counter.builder("hookline.matcher.template.failures")
                .description("Webhooks not sent because a template failed for the event").register(registry);
        this.renderRetries = Counter.builder("hookline.matcher.render.retries")
                .description("Evaluations of a webhook repeated after a transient failure (time limit, internal error)")
                .register(registry);
        this.oversizedJobs = Counter.builder("hookline.matcher.jobs.oversized")
                .description("Jobs too large to write, sent to webhook-deliveries-dlq").register(registry);
        Gauge.builder("hookline.matcher.webhooks", index, WebhookIndex::size)
                .description("Webhooks in the matcher's index").register(registry);
    }

    void event() {
        events.increment();
    }

    void match() {
        matches.increment();
    }

    void job() {
        jobs.increment();
    }

    void templateFailure() {
        templateFailures.increment();
    }

    void renderRetry() {
        renderRetries.increment();
    }

    /** A webhook that kept failing for a transient reason: the event went to the dead-letter topic for it. */
    void renderDeadLettered(String reason) {
        Counter.builder("hookline.matcher.render.dead.lettered")
                .description("Events sent to domain-events-dlq for one webhook after transient failures, by reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    void oversizedJob() {
        oversizedJobs.increment();
    }

    /** An event sent to the dead-letter topic, by reason ({@code invalid_json}, {@code missing_attribute}, ...). */
    void invalidEvent(String reason) {
        Counter.builder("hookline.matcher.events.invalid")
                .description("Events sent to domain-events-dlq")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    public double matches() {
        return matches.count();
    }

    public double invalidEvents(String reason) {
        Counter counter = registry.find("hookline.matcher.events.invalid").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
