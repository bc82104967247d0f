package io.hookline.dispatcher.endpoint;

import io.hookline.dispatcher.order.HoldStore;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * What every endpoint lane shares. A lane queues at least {@code maxQueued} jobs, and up to {@code maxBacklog} when it
 * drains them within a second; a job put aside for a full queue waits at most {@code asideHorizon}.
 */
record LaneContext(
        Attempts attempts,
        Deferrals deferrals,
        Circuits circuits,
        Executor sendExecutor,
        Scheduler scheduler,
        Function<String, Integer> rateLimits,
        int maxInFlight,
        int maxQueued,
        int maxBacklog,
        Duration asideHorizon,
        Duration deferDelay,
        HoldStore holds) {

    /** Writes that must succeed before a job is done, tried again after the defer delay until they do. */
    UntilWritten writes() {
        return new UntilWritten(scheduler, deferDelay);
    }

    Integer rateLimit(String webhookId) {
        return rateLimits.apply(webhookId);
    }
}
