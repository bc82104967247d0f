package io.hookline.dispatcher.endpoint;

import io.hookline.dispatcher.delivery.AttemptRunner;
import io.hookline.dispatcher.order.SubjectHolds;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/** What every endpoint lane shares. */
record LaneContext(
        AttemptRunner runner,
        JobDeferrer deferrer,
        EndpointCircuits circuits,
        Executor sendExecutor,
        ScheduledExecutorService timer,
        Function<String, Integer> rateLimits,
        int maxInFlight,
        int maxQueued,
        Duration deferDelay,
        SubjectHolds holds) {

    Integer rateLimit(String webhookId) {
        return rateLimits.apply(webhookId);
    }
}
