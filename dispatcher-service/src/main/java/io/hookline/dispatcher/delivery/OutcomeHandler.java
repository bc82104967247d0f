package io.hookline.dispatcher.delivery;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.size.AttemptFit;
import io.hookline.contracts.size.OversizedJob;
import io.hookline.contracts.size.SizeLimits;
import io.hookline.contracts.size.Utf8Cap;
import io.hookline.contracts.topic.RetryTier;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.dispatcher.failing.PersistentFailures;
import io.hookline.dispatcher.http.FailureClassifier;
import io.hookline.dispatcher.http.HttpOutcome;
import io.hookline.dispatcher.http.OutgoingRequest;
import io.hookline.dispatcher.metrics.DispatcherMetrics;
import io.hookline.dispatcher.notify.FailureMailer;
import io.hookline.dispatcher.retry.RetryAfter;
import io.hookline.dispatcher.retry.RetryPlan;
import io.hookline.dispatcher.retry.RetrySchedule;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Decides what an attempt's response means and writes it down: the attempt log record always, plus the retry (next
 * tier topic), the dead letter and {@code attempt.exhausted}, or, on 410 Gone, the disabled webhook and
 * {@code endpoint.disabled}. The returned future completes once all of it is acknowledged by Kafka. A job too large
 * to retry ends in the dead-letter topic with reason {@code oversized} ({@link JobWrites}); attempt records are cut to
 * fit ({@link AttemptFit}: response headers capped, bodies already at 64 KiB). The answer of a webhook with
 * {@code publish_responses} is published ({@link WebhookResponses}) alongside the attempt record, and a webhook with
 * {@code disable_after_failing} has its failing streak tracked ({@link PersistentFailures}).
 */
@Singleton
public class OutcomeHandler {

    private static final int GONE = 410;

    private final DeliveryProducer producer;
    private final DeliveryTopics topics;
    private final JobWrites jobs;
    private final RetrySchedule schedule;
    private final WebhookDisabler disabler;
    private final OperationalEvents events;
    private final FailureMailer mailer;
    private final DispatcherMetrics metrics;
    private final WebhookResponses responses;
    private final PersistentFailures failures;

    public OutcomeHandler(DeliveryProducer producer, DeliveryTopics topics, JobWrites jobs, RetrySchedule schedule,
                          WebhookDisabler disabler, OperationalEvents events, FailureMailer mailer,
                          DispatcherMetrics metrics, WebhookResponses responses, PersistentFailures failures) {
        this.producer = producer;
        this.topics = topics;
        this.jobs = jobs;
        this.schedule = schedule;
        this.disabler = disabler;
        this.events = events;
        this.mailer = mailer;
        this.metrics = metrics;
        this.responses = responses;
        this.failures = failures;
    }

    public CompletableFuture<Void> record(DeliveryAttempt attempt) {
        metrics.attempt(attempt.outcome(), attempt.errorClass());
        return producer.send(topics.attemptLog(), attempt.webhookId(), AttemptFit.fitted(attempt).json());
    }

    public CompletableFuture<AttemptResult> handle(DeliveryJob job, WebhookConfig webhook, Instant startedAt,
                                                   OutgoingRequest request, HttpOutcome http) {
        Instant now = Instant.now();
        CompletableFuture<Void> response = responses.publish(job, webhook, request, http, now);
        CompletableFuture<Void> streak = failures.observe(job, webhook, request != null, http, now);
        return decide(job, webhook, startedAt, request, http, now)
                .thenCombine(response, (result, published) -> result)
                .thenCombine(streak, (result, observed) -> result);
    }

    private CompletableFuture<AttemptResult> decide(DeliveryJob job, WebhookConfig webhook, Instant startedAt,
                                                    OutgoingRequest request, HttpOutcome http, Instant now) {
        if (request != null) {
            metrics.requestDuration(http.durationMs());
        }
        if (http.isSuccess()) {
            return finish(job, startedAt, request, http, Outcome.SUCCEEDED, null, null, null);
        }
        String errorClass = http.errorClass() == null ? "http_status" : http.errorClass();
        String error = Utf8Cap.cap(http.statusCode() == null ? http.error() : "HTTP " + http.statusCode(),
                SizeLimits.ERROR_MAX_BYTES);
        if (FailureClassifier.SSRF_BLOCKED.equals(errorClass)) {
            return finish(job, startedAt, request, http, Outcome.FAILED, error, errorClass, null);
        }
        if (http.statusCode() != null && http.statusCode() == GONE) {
            return disableGone(job, startedAt, request, http, now);
        }
        Optional<RetryPlan> plan = schedule.afterFailure(job, retryAfter(http, now), now);
        if (plan.isPresent()) {
            DeliveryJob retry = job.nextAttempt(plan.get().dueAt(), error);
            RetryTier tier = plan.get().tier();
            // The retry is written before the attempt record, which says whether it could be.
            return jobs.retry(topics.retryTier(tier), retry).thenCompose(written -> {
                if (written.oversized()) {
                    return finish(job, startedAt, request, http, Outcome.DEAD, error + "; not retried: "
                            + written.oversizedDetail(), OversizedJob.REASON, null,
                            jobs.oversized(job, written.oversizedDetail()), exhausted(job, webhook, error));
                }
                metrics.retryWritten(tier);
                return finish(job, startedAt, request, http, Outcome.RETRYING, error, errorClass, plan.get().dueAt());
            });
        }
        return finish(job, startedAt, request, http, Outcome.DEAD, error, errorClass, null,
                jobs.deadLetter(job, error), exhausted(job, webhook, error));
    }

    private CompletableFuture<Void> exhausted(DeliveryJob job, WebhookConfig webhook, String error) {
        mailer.notifyFailure(webhook, "delivery to " + job.url() + " failed for good",
                "Webhook " + webhook.name() + " (" + webhook.id() + ") gave up on delivery " + job.deliveryId()
                        + " of event " + job.eventId() + " after " + job.attempt() + " attempts.\nLast error: " + error);
        return events.emit(OperationalEvents.ATTEMPT_EXHAUSTED, job.webhookId(), job.tenant(),
                eventData(job, error));
    }

    /**
     * The attempt is recorded once the disable is decided, so that it says whether the webhook was disabled; the mail
     * and {@code endpoint.disabled} go out only when this write disabled it.
     */
    private CompletableFuture<AttemptResult> disableGone(DeliveryJob job, Instant startedAt, OutgoingRequest request,
                                                         HttpOutcome http, Instant now) {
        String reason = "endpoint " + job.url() + " answered 410 Gone";
        return disabler.disable(job.webhookId(), job.url(), reason, now).thenCompose(disabled -> disabled
                .map(webhook -> finish(job, startedAt, request, http, Outcome.FAILED, reason + "; webhook disabled",
                        "http_status", null, announceDisabled(job, webhook, reason)))
                .orElseGet(() -> finish(job, startedAt, request, http, Outcome.FAILED, reason
                        + "; webhook not disabled: already disabled, deleted or no longer sending to this URL",
                        "http_status", null)));
    }

    private CompletableFuture<Void> announceDisabled(DeliveryJob job, WebhookConfig webhook, String reason) {
        mailer.notifyFailure(webhook, "webhook " + webhook.name() + " disabled",
                "Webhook " + webhook.name() + " (" + webhook.id() + ") was disabled: " + reason + ".");
        return events.emit(OperationalEvents.ENDPOINT_DISABLED, job.webhookId(), job.tenant(), eventData(job, reason));
    }

    @SafeVarargs
    private CompletableFuture<AttemptResult> finish(DeliveryJob job, Instant startedAt, OutgoingRequest request,
                                                    HttpOutcome http, Outcome outcome, String error,
                                                    String errorClass, Instant nextAttemptAt,
                                                    CompletableFuture<Void>... alsoWritten) {
        DeliveryAttempt attempt = request == null
                ? AttemptRecords.notSent(job, startedAt, outcome, error, errorClass, nextAttemptAt)
                : AttemptRecords.sent(job, startedAt, request, http, outcome, error, errorClass, nextAttemptAt);
        AttemptLog.outcome(attempt);
        CompletableFuture<?>[] writes = new CompletableFuture<?>[alsoWritten.length + 1];
        writes[0] = record(attempt);
        System.arraycopy(alsoWritten, 0, writes, 1, alsoWritten.length);
        AttemptResult result = new AttemptResult(outcome, request != null, isEndpointFault(request, http),
                http.durationMs(), nextAttemptAt);
        return CompletableFuture.allOf(writes).thenApply(ignored -> result);
    }

    private static boolean isEndpointFault(OutgoingRequest request, HttpOutcome http) {
        if (request == null || http.isSuccess() || FailureClassifier.SSRF_BLOCKED.equals(http.errorClass())) {
            return false;
        }
        Integer status = http.statusCode();
        return status == null || status >= 500 || status == 408 || status == 429;
    }

    private static Optional<Duration> retryAfter(HttpOutcome http, Instant now) {
        Integer status = http.statusCode();
        if (status == null || (status != 429 && status != 503)) {
            return Optional.empty();
        }
        return RetryAfter.parse(http.header("Retry-After"), now);
    }

    private static Map<String, Object> eventData(DeliveryJob job, String error) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("webhook_id", job.webhookId());
        data.put("url", job.url());
        data.put("delivery_id", job.deliveryId());
        data.put("event_id", job.eventId());
        data.put("event_type", job.eventType());
        data.put("attempts", job.attempt());
        data.put("error", error);
        return data;
    }
}
