package io.hookline.matcher.topology;

import io.hookline.rules.match.CompiledWebhook;
import io.hookline.rules.match.Evaluation;
import io.hookline.rules.match.PreparedEvent;
import io.hookline.rules.match.WebhookEvaluator;
import java.time.Duration;

/**
 * Evaluates a webhook for an event, and again after a transient failure ({@link RenderRetry}): a CPU starved for a
 * moment gets time to recover, and a sound template that is merely slow under load gets the time it needs. The event
 * waits meanwhile, as the partition's order requires.
 */
final class RenderAttempts {

    /** The last evaluation, and how many were made. */
    record Outcome(Evaluation evaluation, int attempts) {
    }

    private final WebhookEvaluator evaluator;
    private final Duration firstTimeLimit;
    private final RenderRetry retry;
    private final MatcherMetrics metrics;

    RenderAttempts(WebhookEvaluator evaluator, Duration firstTimeLimit, RenderRetry retry, MatcherMetrics metrics) {
        this.evaluator = evaluator;
        this.firstTimeLimit = firstTimeLimit;
        this.retry = retry;
        this.metrics = metrics;
    }

    Outcome evaluate(CompiledWebhook webhook, PreparedEvent event) {
        Duration timeLimit = firstTimeLimit;
        Duration pause = retry.backoff();
        for (int attempt = 1; ; attempt++) {
            Evaluation evaluation = evaluator.evaluate(webhook, event, timeLimit);
            if (!(evaluation instanceof Evaluation.Failed failed) || !failed.failure().transientFailure()
                    || attempt >= retry.attempts()) {
                return new Outcome(evaluation, attempt);
            }
            metrics.renderRetry();
            pause(pause);
            timeLimit = timeLimit.multipliedBy(2);
            pause = pause.multipliedBy(2);
        }
    }

    private void pause(Duration duration) {
        try {
            retry.pause().pause(duration);
        } catch (InterruptedException e) {
            // Stopping: neither a job nor a dead letter; the event is read again after the restart.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to render again", e);
        }
    }
}
