package io.hookline.matcher.topology;

import java.time.Duration;

/**
 * How often a webhook is evaluated again for an event after a transient failure (a render out of time, an internal
 * error), and how long to pause before each retry; each retry doubles the template time limit and the pause.
 *
 * @param attempts evaluations at most, the first one included; then the event goes to {@code domain-events-dlq}
 * @param backoff  the pause before the first retry
 * @param pause    how to pause ({@link #SLEEP}; tests record instead)
 */
public record RenderRetry(int attempts, Duration backoff, Pause pause) {

    public static final Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

    public RenderRetry {
        if (attempts < 1 || backoff.isNegative()) {
            throw new IllegalArgumentException("attempts must be at least 1 and backoff not negative");
        }
    }

    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }
}
