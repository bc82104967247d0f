package io.hookline.log.redelivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.log.topology.Attempts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRebuilderTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final WebhookConfig WEBHOOK = new WebhookConfig("wh", "default", 7, "hook", true, null,
            "https://example.com/hook", List.of(), "POST", null, List.of("*"), null, null, null, null, false, null,
            null, null, null, null, null, List.of(), 5, 3000, null, null, null, NOW, NOW);

    @Test
    void shouldRebuildAFreshJobWithTheSameDeliveryIdAndWithoutMaskedOrSigningHeaders() {
        DeliveryAttempt dead = Attempts.attempt("wh", "d-1", 4, NOW.minusSeconds(60), Outcome.DEAD, 500, "x", 10);

        DeliveryJob job = JobRebuilder.rebuild(dead, WEBHOOK, NOW);

        assertThat(job.deliveryId()).isEqualTo("d-1");
        assertThat(job.redeliveryOf()).isEqualTo("d-1");
        assertThat(job.attempt()).isEqualTo(1);
        assertThat(job.maxRetries()).isEqualTo(5);
        assertThat(job.timeoutMs()).isEqualTo(3000);
        assertThat(job.webhookVersion()).isEqualTo(7);
        assertThat(job.url()).isEqualTo("https://example.com/hook");
        assertThat(job.method()).isEqualTo("POST");
        assertThat(job.body()).isEqualTo("{\"n\":4}");
        assertThat(job.headers()).isEqualTo(Map.of("Content-Type", "application/json", "X-Team", "sre"));
        assertThat(job.eventId()).isEqualTo("evt-d-1");
        assertThat(job.createdAt()).isEqualTo(NOW);
        assertThat(job.dueAt()).isNull();
    }

    @Test
    void shouldRefuseARequestWhoseBodyWasTruncated() {
        DeliveryAttempt a = Attempts.attempt("wh", "d-1", 1, NOW, Outcome.FAILED, 400, "x", 10);
        DeliveryAttempt truncated = new DeliveryAttempt(a.deliveryId(), a.webhookId(), a.tenant(), a.attempt(),
                a.timestamp(), a.url(), a.method(), a.requestHeaders(), a.requestBody(), true, a.statusCode(),
                a.responseHeaders(), a.responseBody(), false, a.durationMs(), a.outcome(), a.error(), a.errorClass(),
                null, a.eventId(), a.eventType(), a.trigger(), a.eventData());

        assertThatThrownBy(() -> JobRebuilder.rebuild(truncated, WEBHOOK, NOW))
                .isInstanceOf(NotRedeliverableException.class).hasMessageContaining("truncated");
    }
}
