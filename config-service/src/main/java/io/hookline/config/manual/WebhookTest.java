package io.hookline.config.manual;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.error.ProblemException;
import io.hookline.config.store.WebhookStore;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.KafkaSettings;
import io.hookline.service.problem.Problem;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Sends a sample event to a webhook now, through the dispatcher like any delivery (so the attempt is signed and
 * logged), and waits for the dispatcher's attempt records to answer with what was sent and received.
 */
@Singleton
public final class WebhookTest {

    static final Duration GRACE = Duration.ofSeconds(5);

    private final WebhookStore store;
    private final SampleEvents samples;
    private final WebhookTrigger trigger;
    private final KafkaSettings kafka;

    public WebhookTest(WebhookStore store, SampleEvents samples, WebhookTrigger trigger, KafkaSettings kafka) {
        this.store = store;
        this.samples = samples;
        this.trigger = trigger;
        this.kafka = kafka;
    }

    /** 404 for another tenant's webhook, 409 when disabled, 504 when no attempt is logged within timeout_ms + 5 s. */
    public TestResult test(String tenant, String webhookId, JsonNode body) {
        WebhookConfig webhook = store.get(tenant, webhookId);
        DomainEvent event = samples.sample(tenant, body);
        int timeoutMs = webhook.timeoutMs() > 0 ? webhook.timeoutMs() : WebhookConfig.DEFAULT_TIMEOUT_MS;
        try (AttemptWatch watch = new AttemptWatch(kafka)) {
            List<DeliveryJob> jobs = trigger.deliver(webhook, event);
            List<String> ids = jobs.stream().map(DeliveryJob::deliveryId).toList();
            Instant deadline = Instant.now().plusMillis(timeoutMs).plus(GRACE);
            Map<String, DeliveryAttempt> attempts = watch.await(webhook.id(), new LinkedHashSet<>(ids), deadline);
            if (attempts.isEmpty()) {
                throw new ProblemException(Problem.of(HttpStatus.GATEWAY_TIMEOUT, "No delivery attempt was logged within "
                        + Duration.ofMillis(timeoutMs).plus(GRACE).toSeconds() + " s; is a dispatcher running? The "
                        + "test deliveries " + ids + " stay queued and will be sent when one runs"));
            }
            return TestResult.of(ids, ids.stream().filter(attempts::containsKey).map(attempts::get).toList());
        }
    }
}
