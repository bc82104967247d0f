package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.Ordering;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.LargeRecords;
import io.hookline.dispatcher.support.Webhooks;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Records the dispatcher writes stay within the record limit, so no write is refused and no job runs forever. The
 * event limit here is 64 KiB, so a record may have 1 MiB (the broker's default); webhook-deliveries was created with
 * room for larger jobs, as a topic created by hand or by an earlier version may be.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobSizeTest {

    private static final int RECORD_LIMIT = 1024 * 1024;

    private final DispatcherKit kit = new DispatcherKit();
    private final LargeRecords large = new LargeRecords(kit);
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort()
            .jettyHeaderResponseSize(4 * 1024 * 1024).jettyHeaderBufferSize(4 * 1024 * 1024));
    private ApplicationContext dispatcher;

    @BeforeAll
    void start() {
        receiver.start();
        large.createDeliveriesTopic(4 * RECORD_LIMIT);
        dispatcher = kit.start(Map.of("hookline.events.max-bytes", 64 * 1024,
                "hookline.dispatcher.retry-delay-scale", 0.01));
    }

    @AfterAll
    void stop() {
        dispatcher.close();
        receiver.stop();
        large.close();
        kit.close();
    }

    @Test
    void shouldDeadLetterAJobWhoseBodyIsTooLargeToRetryAndNotSendItAgain() {
        // Given an endpoint that fails and a job whose body alone exceeds a record
        receiver.stubFor(any(urlPathEqualTo("/too-big")).willReturn(aResponse().withStatus(500)));
        var spec = Webhooks.Spec.of(url("/too-big"), kit.cipher, Webhooks.newSigningSecret()).maxRetries(3);
        kit.publishWebhook(spec.config());
        DeliveryJob job = job(spec, "{\"blob\":\"" + "x".repeat(RECORD_LIMIT + 100_000) + "\"}", "{}");

        // When
        large.publishJob(job);

        // Then the one attempt is logged as dead for being oversized
        DeliveryAttempt attempt = awaitAttempts(job.deliveryId(), 1).get(0);
        assertThat(attempt.outcome()).isEqualTo(Outcome.DEAD);
        assertThat(attempt.errorClass()).isEqualTo("oversized");
        assertThat(attempt.error()).contains("HTTP 500", "oversized");
        // And the job is in the dead-letter topic without its body, with the reason
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(job.deliveryId());
        assertThat(header(dead, "error")).isEqualTo("oversized");
        JsonNode letter = Json.fromBytes(dead.value(), JsonNode.class);
        assertThat(letter.has("body")).isFalse();
        assertThat(letter.get("dropped").toString()).contains("body");
        assertThat(letter.get("last_error").asText()).contains("oversized");
        // And the endpoint never gets it again
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> requests("/too-big") == 1);
        assertThat(kit.attemptsOf(job.deliveryId())).hasSize(1);
    }

    @Test
    void shouldRetryAJobWithALargeEventCopyAsOftenAsMaxRetriesSays() {
        // Given an endpoint that always fails and a small body with a copy of the event too large for a retry
        receiver.stubFor(any(urlPathEqualTo("/large-copy")).willReturn(aResponse().withStatus(500)));
        var spec = Webhooks.Spec.of(url("/large-copy"), kit.cipher, Webhooks.newSigningSecret()).maxRetries(2);
        kit.publishWebhook(spec.config());
        DeliveryJob job = job(spec, "{\"small\":true}",
                "{\"blob\":\"" + "y".repeat(RECORD_LIMIT + 100_000) + "\"}");

        // When
        large.publishJob(job);

        // Then it is tried 1 + max_retries times and dead-lettered as exhausted, its copy of the event cut
        List<DeliveryAttempt> attempts = awaitAttempts(job.deliveryId(), 3);
        assertThat(attempts).extracting(DeliveryAttempt::outcome)
                .containsExactly(Outcome.RETRYING, Outcome.RETRYING, Outcome.DEAD);
        assertThat(attempts).allSatisfy(a -> assertThat(a.error()).isEqualTo("HTTP 500"));
        JsonNode letter = Json.fromBytes(awaitDeadLetter(job.deliveryId()).value(), JsonNode.class);
        assertThat(letter.get("attempt").asInt()).isEqualTo(3);
        assertThat(letter.get("last_error").asText()).isEqualTo("HTTP 500");
        assertThat(letter.get("event_data").asText().length()).isLessThanOrEqualTo(64 * 1024);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> requests("/large-copy") == 3);
    }

    @Test
    void shouldCapTheHeadersOfAResponseInItsAttemptRecord() {
        // Given an endpoint answering with a thousand headers of a kilobyte each
        ResponseDefinitionBuilder response = aResponse().withStatus(200);
        for (int i = 0; i < 1000; i++) {
            response = response.withHeader("X-Header-" + i, "v".repeat(1000));
        }
        receiver.stubFor(any(urlPathEqualTo("/many-headers")).willReturn(response));
        var spec = Webhooks.Spec.of(url("/many-headers"), kit.cipher, Webhooks.newSigningSecret());
        kit.publishWebhook(spec.config());
        DeliveryJob job = spec.job("INC-H", "{}", 1);

        // When
        kit.publishJob(job);

        // Then the attempt is logged with the first headers that fit 50 headers and 8 KiB, and says so
        DeliveryAttempt attempt = awaitAttempts(job.deliveryId(), 1).get(0);
        assertThat(attempt.outcome()).isEqualTo(Outcome.SUCCEEDED);
        Map<String, String> headers = attempt.responseHeaders();
        assertThat(headers).hasSizeLessThanOrEqualTo(51).containsKey("(truncated)");
        assertThat(headers.get("(truncated)")).contains("of 10");
        long bytes = headers.entrySet().stream().filter(header -> !header.getKey().equals("(truncated)"))
                .mapToLong(header -> (header.getKey() + header.getValue()).getBytes(StandardCharsets.UTF_8).length)
                .sum();
        assertThat(bytes).isPositive().isLessThanOrEqualTo(8 * 1024);
    }

    private static DeliveryJob job(Webhooks.Spec spec, String body, String eventData) {
        return new DeliveryJob("dlv-" + UUID.randomUUID(), spec.id(), spec.version(), "default", spec.url(), "POST",
                Map.of(), body, "evt-" + UUID.randomUUID(), "incident.triggered", "INC-S", null, eventData, "0:1",
                Ordering.NONE, 1, spec.maxRetries(), spec.timeoutMs(), Instant.now(), null, null, null);
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String deliveryId) {
        return await().atMost(DispatcherKit.timeout()).until(() -> kit.reader(Topics.WEBHOOK_DELIVERIES_DLQ.name())
                .records().stream()
                .filter(r -> Json.fromBytes(r.value(), JsonNode.class).get("delivery_id").asText().equals(deliveryId))
                .findFirst().orElse(null), found -> found != null);
    }

    private List<DeliveryAttempt> awaitAttempts(String deliveryId, int count) {
        return await().atMost(DispatcherKit.timeout())
                .until(() -> kit.attemptsOf(deliveryId), attempts -> attempts.size() >= count)
                .stream().sorted(Comparator.comparing(DeliveryAttempt::attempt)).toList();
    }

    private int requests(String path) {
        return receiver.findAll(anyRequestedFor(urlPathEqualTo(path))).size();
    }

    private String url(String path) {
        return "http://localhost:" + receiver.port() + path;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
