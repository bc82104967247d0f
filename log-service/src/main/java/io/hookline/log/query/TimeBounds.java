package io.hookline.log.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What is still inside the retention period. Stores drop whole segments only as newer records arrive, so reads also
 * cut at {@code now - retention} to answer the same whatever the traffic.
 */
public record TimeBounds(Clock clock, Duration retention) {

    private static final Instant END_OF_TIME = Instant.ofEpochMilli(Long.MAX_VALUE);

    public Instant now() {
        return clock.instant();
    }

    public Instant oldestKept() {
        return now().minus(retention);
    }

    public Instant from(Instant requested) {
        Instant oldest = oldestKept();
        return requested == null || requested.isBefore(oldest) ? oldest : requested;
    }

    public Instant to(Instant requested) {
        return requested == null ? END_OF_TIME : requested;
    }
}
