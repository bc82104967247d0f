package io.hookline.dispatcher.retry;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.topic.RetryTier;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The retry schedule of CONTRACT.md section 7: 10 s, 1 min, 10 min, then 1 h, 3 h, 6 h, 12 h and 24 h, each with
 * +/-20 % jitter so that retries of one outage do not arrive together. A {@code Retry-After} of the endpoint replaces
 * the scheduled delay (capped); the job then waits in the first tier at least that long.
 */
public final class RetrySchedule {

    static final double JITTER = 0.2;

    private final double scale;
    private final Duration retryAfterCap;
    private final DoubleSupplier random;

    public RetrySchedule(double scale, Duration retryAfterCap) {
        this(scale, retryAfterCap, () -> ThreadLocalRandom.current().nextDouble());
    }

    RetrySchedule(double scale, Duration retryAfterCap, DoubleSupplier random) {
        this.scale = scale;
        this.retryAfterCap = retryAfterCap;
        this.random = random;
    }

    /** The plan after {@code failed} failed, or empty when it was the last attempt its retries allow. */
    public Optional<RetryPlan> afterFailure(DeliveryJob failed, Optional<Duration> retryAfter, Instant now) {
        int retryNumber = failed.attempt();
        if (retryNumber > failed.maxRetries()) {
            return Optional.empty();
        }
        if (retryAfter.isPresent()) {
            Duration wait = min(retryAfter.get(), retryAfterCap);
            return Optional.of(new RetryPlan(tierFor(wait), now.plus(wait)));
        }
        RetryTier tier = RetryTier.forRetry(retryNumber);
        return Optional.of(new RetryPlan(tier, now.plus(jittered(tier.delay()))));
    }

    /** A plan for a job put aside (not an attempt) until {@code dueAt}: the first tier that waits at least as long. */
    public RetryPlan deferUntil(Instant dueAt, Instant now) {
        Duration wait = Duration.between(now, dueAt);
        return new RetryPlan(tierFor(wait.isNegative() ? Duration.ZERO : wait), dueAt);
    }

    /** A scaled delay for deferrals and other waits that follow the same test scale as the schedule. */
    public Duration scaled(Duration delay) {
        return Duration.ofNanos((long) (delay.toNanos() * scale));
    }

    Duration jittered(Duration delay) {
        double factor = 1 - JITTER + 2 * JITTER * random.getAsDouble();
        return Duration.ofNanos((long) (delay.toNanos() * factor * scale));
    }

    static RetryTier tierFor(Duration wait) {
        for (RetryTier tier : RetryTier.values()) {
            if (tier.delay().compareTo(wait) >= 0) {
                return tier;
            }
        }
        return RetryTier.values()[RetryTier.values().length - 1];
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
