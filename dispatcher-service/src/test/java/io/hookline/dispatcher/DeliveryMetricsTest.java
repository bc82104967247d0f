package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the dispatcher counts of real deliveries: attempts by outcome and error class, e2e latency, retries, dead letters. */
class DeliveryMetricsTest {

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private final ApplicationContext dispatcher = kit.start(Map.of("hookline.dispatcher.retry-delay-scale", 0.01));
    private final MeterRegistry registry = dispatcher.getBean(MeterRegistry.class);

    @AfterEach
    void stop() {
        dispatcher.close();
        receiver.stop();
        kit.close();
    }

    @Test
    void shouldTimeFirstAttemptsFromTheEventAndCountOutcomesRetriesAndDeadLetters() {
        // Given an endpoint that answers 200 and one that answers 500
        receiver.start();
        receiver.stubFor(any(urlPathEqualTo("/ok")).willReturn(aResponse().withStatus(200)));
        receiver.stubFor(any(urlPathEqualTo("/fail")).willReturn(aResponse().withStatus(500)));
        var ok = Webhooks.Spec.of(receiver.baseUrl() + "/ok", kit.cipher, Webhooks.newSigningSecret());
        var failing = Webhooks.Spec.of(receiver.baseUrl() + "/fail", kit.cipher, Webhooks.newSigningSecret())
                .maxRetries(1);
        kit.publishWebhook(ok.config());
        kit.publishWebhook(failing.config());

        // When a job of an event that happened 2 s ago, one without an event time and a failing one are sent
        kit.publishJob(withEventTime(ok.job("INC-1", "{}", 1), Instant.now().minusSeconds(2)));
        kit.publishJob(ok.job("INC-2", "{}", 2));
        kit.publishJob(failing.job("INC-3", "{}", 3));

        // Then both successes are counted, and only the first is timed end to end, from its event's time
        await().atMost(DispatcherKit.timeout()).until(() -> attempts("succeeded", "none") == 2.0);
        Timer endToEnd = registry.get("hookline.dispatcher.e2e.latency").timer();
        assertThat(endToEnd.count()).isEqualTo(1);
        assertThat(endToEnd.max(TimeUnit.MILLISECONDS)).isBetween(2_000.0, 30_000.0);

        // And the failing job is retried once through the 10 s tier, then dead-lettered as exhausted
        await().atMost(DispatcherKit.timeout()).until(() -> attempts("dead", "http_status") == 1.0);
        assertThat(attempts("retrying", "http_status")).isEqualTo(1.0);
        assertThat(registry.get("hookline.dispatcher.retries.written").tag("tier", "10s").counter().count())
                .isEqualTo(1.0);
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.get("hookline.dispatcher.dead.letters")
                .tag("reason", "exhausted").counter().count() == 1.0);
        assertThat(registry.get("hookline.dispatcher.request.duration").timer().count()).isEqualTo(4);
    }

    private double attempts(String outcome, String errorClass) {
        return registry.get("hookline.dispatcher.attempts").tag("outcome", outcome).tag("error_class", errorClass)
                .counter().count();
    }

    private static DeliveryJob withEventTime(DeliveryJob job, Instant eventTime) {
        return new DeliveryJob(job.deliveryId(), job.webhookId(), job.webhookVersion(), job.tenant(), job.url(),
                job.method(), job.headers(), job.body(), job.eventId(), job.eventType(), job.eventSubject(),
                job.trigger(), job.eventData(), job.position(), job.ordering(), job.attempt(), job.maxRetries(),
                job.timeoutMs(), job.createdAt(), job.dueAt(), job.lastError(), job.redeliveryOf(), eventTime,
                job.trace());
    }
}
