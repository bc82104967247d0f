package io.hookline.config.manual;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.error.ProblemException;
import io.hookline.config.store.WebhookStore;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.problem.Problem;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends a sample event to a webhook now, through the dispatcher like any delivery (so the attempt is signed and
 * logged), and answers, once the dispatcher's attempt records arrive, with what was sent and received. The wait holds
 * no thread: the shared {@link AttemptLogReader} completes it.
 */
@Singleton
public final class WebhookTest {

    static final Duration GRACE = Duration.ofSeconds(5);

    private final WebhookStore store;
    private final SampleEvents samples;
    private final WebhookTrigger trigger;
    private final AttemptLogReader attempts;
    private final TestPermits permits;

    public WebhookTest(WebhookStore store, SampleEvents samples, WebhookTrigger trigger, AttemptLogReader attempts,
                       TestPermits permits) {
        this.store = store;
        this.samples = samples;
        this.trigger = trigger;
        this.attempts = attempts;
        this.permits = permits;
    }

    /**
     * Queues the test now and answers when its attempts are logged: 404 for another tenant's webhook, 409 when
     * disabled, 429 beyond the tenant's concurrent tests, 504 when no attempt is logged within timeout_ms + 5 s.
     */
    public CompletableFuture<TestResult> test(String tenant, String webhookId, JsonNode body) {
        WebhookConfig webhook = store.get(tenant, webhookId);
        DomainEvent event = samples.sample(tenant, body);
        permits.acquire(tenant);
        try {
            return send(webhook, event).whenComplete((result, error) -> permits.release(tenant));
        } catch (RuntimeException e) {
            permits.release(tenant);
            throw e;
        }
    }

    private CompletableFuture<TestResult> send(WebhookConfig webhook, DomainEvent event) {
        List<DeliveryJob> jobs = trigger.jobs(webhook, event);
        List<String> ids = jobs.stream().map(DeliveryJob::deliveryId).toList();
        List<CompletableFuture<DeliveryAttempt>> logged = ids.stream().map(attempts::await).toList();
        try {
            trigger.publish(jobs);
        } catch (RuntimeException e) {
            ids.forEach(attempts::forget);
            throw e;
        }
        Duration wait = Duration.ofMillis(webhook.timeoutMs() > 0 ? webhook.timeoutMs()
                : WebhookConfig.DEFAULT_TIMEOUT_MS).plus(GRACE);
        CompletableFuture<TestResult> answer = new CompletableFuture<>();
        CompletableFuture.allOf(logged.toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((done, error) -> {
                    ids.forEach(attempts::forget);
                    List<DeliveryAttempt> arrived = logged.stream()
                            .map(future -> future.getNow(null))
                            .filter(Objects::nonNull)
                            .toList();
                    if (arrived.isEmpty()) {
                        // Completed with the exception itself, not wrapped, so its handler answers problem+json.
                        answer.completeExceptionally(new ProblemException(Problem.of(HttpStatus.GATEWAY_TIMEOUT,
                                "No delivery attempt was logged within " + wait.toSeconds() + " s; is a dispatcher "
                                        + "running? The test deliveries " + ids + " stay queued and will be sent "
                                        + "when one runs")));
                    } else {
                        answer.complete(TestResult.of(ids, arrived));
                    }
                });
        return answer;
    }
}
