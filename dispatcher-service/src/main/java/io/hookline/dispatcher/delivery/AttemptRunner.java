package io.hookline.dispatcher.delivery;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.dispatcher.config.DispatcherSettings;
import io.hookline.dispatcher.endpoint.SendThreads;
import io.hookline.dispatcher.http.HttpOutcome;
import io.hookline.dispatcher.http.HttpSender;
import io.hookline.dispatcher.http.OutgoingRequest;
import io.hookline.dispatcher.metrics.DispatcherMetrics;
import io.hookline.dispatcher.request.RequestBuilder;
import io.hookline.dispatcher.webhook.WebhookSecrets;
import io.hookline.service.tracing.EventSpans;
import io.hookline.service.webhook.WebhookDirectory;
import io.opentelemetry.api.trace.Span;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * Runs one attempt of one job against the webhook as configured now: refuses it when the webhook is gone, disabled
 * or no longer has the URL at a version at least as new as the job's, else signs and sends it, and hands the
 * response to the {@link OutcomeHandler}.
 */
@Singleton
public class AttemptRunner {

    static final int MAX_TIMEOUT_MS = 30_000;

    private final WebhookDirectory webhooks;
    private final RequestBuilder requests;
    private final HttpSender sender;
    private final OutcomeHandler outcomes;
    private final DispatcherSettings settings;
    private final Executor sendExecutor;
    private final DispatcherMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    private final EventSpans spans;

    public AttemptRunner(WebhookDirectory webhooks, WebhookSecrets secrets, HttpSender sender,
                         OutcomeHandler outcomes, DispatcherSettings settings,
                         @Named(SendThreads.NAME) ExecutorService sendExecutor, DispatcherMetrics metrics,
                         EventSpans spans) {
        this.webhooks = webhooks;
        this.metrics = metrics;
        this.spans = spans;
        this.sendExecutor = sendExecutor;
        this.requests = new RequestBuilder(secrets, settings.version());
        this.sender = sender;
        this.outcomes = outcomes;
        this.settings = settings;
    }

    /**
     * Fails with {@link AttemptPostponed} when this instance cannot tell yet whether the job's webhook version still
     * holds (its view of the webhooks lags, or has stopped): nothing was sent or written, and the job waits.
     * {@code answered} runs once the endpoint answered (or the request ended), before the outcome is written.
     */
    public CompletableFuture<AttemptResult> attempt(DeliveryJob job, Runnable answered) {
        CompletableFuture<Optional<WebhookConfig>> lookup = webhooks.findCurrent(job.webhookId(),
                job.webhookVersion())
                .exceptionally(error -> {
                    throw new AttemptPostponed("the webhook view has not applied version " + job.webhookVersion()
                            + " of webhook " + job.webhookId(), error);
                });
        // The answer may come on the view's or the admin client's thread, which must never send requests.
        return lookup.isDone() ? lookup.thenCompose(found -> attempt(job, found, answered))
                : lookup.thenComposeAsync(found -> attempt(job, found, answered), sendExecutor);
    }

    private CompletableFuture<AttemptResult> attempt(DeliveryJob job, Optional<WebhookConfig> found,
                                                     Runnable answered) {
        Instant startedAt = clock.instant();
        Optional<Refusal> refusal = refusal(job, found);
        if (refusal.isPresent()) {
            DeliveryAttempt record = AttemptRecords.notSent(job, startedAt, Outcome.FAILED, refusal.get().error(),
                    refusal.get().errorClass(), null);
            AttemptLog.outcome(record);
            return outcomes.record(record).thenApply(ignored -> new AttemptResult(Outcome.FAILED, false, false, 0, null));
        }
        WebhookConfig webhook = found.get();
        OutgoingRequest request;
        try {
            request = requests.build(job, webhook, timeoutMs(job), startedAt);
        } catch (IllegalArgumentException e) {
            // A secret that does not decrypt is an operator's key mistake: retried, so fixing the key saves the job.
            HttpOutcome failed = HttpOutcome.failure("secret", "cannot use the webhook's secrets: " + e.getMessage(), 0);
            return outcomes.handle(job, webhook, startedAt, null, failed);
        }
        if (job.attempt() == 1 && job.eventTime() != null) {
            metrics.endToEnd(startedAt.toEpochMilli() - job.eventTime().toEpochMilli());
        }
        AttemptLog.sending(job);
        Span span = AttemptSpans.start(spans, job);
        return sender.send(request)
                .whenComplete((http, error) -> AttemptSpans.end(span, http, error))
                .thenCompose(http -> {
                    answered.run();
                    return outcomes.handle(job, webhook, startedAt, request, http);
                });
    }

    private int timeoutMs(DeliveryJob job) {
        int requested = job.timeoutMs() > 0 ? job.timeoutMs() : settings.defaultTimeoutMs();
        return Math.min(requested, MAX_TIMEOUT_MS);
    }

    private static Optional<Refusal> refusal(DeliveryJob job, Optional<WebhookConfig> webhook) {
        if (webhook.isEmpty()) {
            return Optional.of(new Refusal("webhook_deleted",
                    "webhook " + job.webhookId() + " was deleted; the delivery is dropped"));
        }
        if (!webhook.get().isWebhookEnabled()) {
            String reason = webhook.get().disabledReason();
            return Optional.of(new Refusal("disabled", "webhook is disabled"
                    + (reason == null ? "" : " (" + reason + ")") + "; the delivery is dropped"));
        }
        if (!webhook.get().sendsTo(job.url())) {
            return Optional.of(new Refusal("url_removed",
                    "the URL was removed from the webhook; the delivery is dropped"));
        }
        return Optional.empty();
    }

    private record Refusal(String errorClass, String error) {
    }
}
