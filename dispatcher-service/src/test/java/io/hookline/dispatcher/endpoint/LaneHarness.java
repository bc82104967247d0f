package io.hookline.dispatcher.endpoint;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.webhook.Ordering;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One endpoint lane with fake collaborators and hand-driven time: what happens to each job is visible at once. */
final class LaneHarness {

    static final String WEBHOOK = "wh-1";
    static final String URL = "http://receiver.test/hook";
    static final Duration DEFER_DELAY = Duration.ofSeconds(5);
    static final Duration OPEN_DURATION = Duration.ofSeconds(30);
    static final Duration ASIDE_HORIZON = Duration.ofMinutes(1);

    final ManualScheduler time = new ManualScheduler();
    final FakeAttempts attempts = new FakeAttempts();
    final FakeDeferrals deferrals = new FakeDeferrals();
    final FakeHolds holds = new FakeHolds();
    final CircuitBreaker circuit;
    private final List<String> done = new ArrayList<>();
    private Integer rateLimit;

    LaneHarness() {
        circuit = CircuitBreaker.of("endpoint", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(3)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(50)
                .waitDurationInOpenState(OPEN_DURATION)
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .clock(time.clock())
                .currentTimestampFunction(clock -> time.nanoTime(), java.util.concurrent.TimeUnit.NANOSECONDS)
                .build());
    }

    LaneHarness rateLimit(Integer perSecond) {
        this.rateLimit = perSecond;
        return this;
    }

    EndpointLane lane(int maxInFlight, int maxQueued) {
        return lane(maxInFlight, maxQueued, maxQueued);
    }

    EndpointLane lane(int maxInFlight, int maxQueued, int maxBacklog) {
        Circuits circuits = new Circuits() {
            @Override
            public CircuitBreaker forEndpoint(String webhookId, String url) {
                return circuit;
            }

            @Override
            public Duration openDuration() {
                return OPEN_DURATION;
            }
        };
        LaneContext context = new LaneContext(attempts, deferrals, circuits, Runnable::run, time,
                webhookId -> rateLimit, maxInFlight, maxQueued, maxBacklog, ASIDE_HORIZON, DEFER_DELAY, holds);
        return new EndpointLane(WEBHOOK, URL, context);
    }

    /** A partition the jobs come from, which a test can take away as a rebalance would. */
    static final class Partition {

        private volatile boolean revoked;

        void revoke() {
            revoked = true;
        }
    }

    final Partition partition = new Partition();

    /** Submits a job; its completion is recorded in {@link #done()}. */
    void submit(EndpointLane lane, DeliveryJob job) {
        submit(lane, job, partition);
    }

    void submit(EndpointLane lane, DeliveryJob job, Partition from) {
        if (!lane.submit(job, lease(job, from))) {
            throw new IllegalStateException("lane retired");
        }
    }

    JobLease lease(DeliveryJob job, Partition from) {
        return new JobLease() {
            @Override
            public boolean revoked() {
                return from.revoked;
            }

            @Override
            public void finished() {
                record(job);
            }
        };
    }

    private synchronized void record(DeliveryJob job) {
        done.add(job.deliveryId());
    }

    synchronized List<String> done() {
        return List.copyOf(done);
    }

    Instant now() {
        return time.now();
    }

    static DeliveryJob job(String subject, int partition, long offset, Ordering ordering) {
        String id = "dlv-" + subject + "-" + partition + ":" + offset + "-"
                + UUID.randomUUID().toString().substring(0, 4);
        return new DeliveryJob(id, WEBHOOK, 1, "default", URL, "POST", null, "{}", "evt-" + id, "incident.triggered",
                subject, null, "{}", partition + ":" + offset, ordering, 1, 3, 1000, Instant.EPOCH, null, null, null);
    }

    static DeliveryJob job(long offset) {
        return job("S-" + offset, 0, offset, Ordering.NONE);
    }

    static DeliveryJob ordered(String subject, long offset) {
        return job(subject, 0, offset, Ordering.SUBJECT);
    }
}
