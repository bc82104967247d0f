package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.standardwebhooks.Webhook;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.topic.RetryTier;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.SigningSecret;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.micronaut.context.ApplicationContext;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Retries through the tier topics, dead letters, Retry-After, 410, network failures and the notification mail. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetryAndFailureTest {

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private ApplicationContext dispatcher;

    @BeforeAll
    void start() {
        receiver.start();
        smtp.start();
        // 10 s waits 100 ms, 1 min 600 ms: the whole schedule in a test.
        dispatcher = kit.start(Map.of(
                "hookline.dispatcher.retry-delay-scale", 0.01,
                "hookline.dispatcher.smtp.host", "127.0.0.1",
                "hookline.dispatcher.smtp.port", smtp.getSmtp().getPort(),
                "hookline.dispatcher.smtp.from", "hookline@example.test"));
    }

    @AfterAll
    void stop() {
        dispatcher.close();
        receiver.stop();
        smtp.stop();
        kit.close();
    }

    @Test
    void shouldRetryThroughTheTenSecondTierWithTheSameWebhookId() {
        // Given an endpoint that fails once, then succeeds
        String path = "/flaky";
        receiver.stubFor(any(urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody("boom")).willSetStateTo("healed"));
        receiver.stubFor(any(urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs("healed")
                .willReturn(aResponse().withStatus(204)));
        var spec = Webhooks.Spec.of(url(path), kit.cipher, Webhooks.newSigningSecret());
        kit.publishWebhook(spec.config());
        DeliveryJob job = spec.job("INC-1", "{}", 1);

        // When
        kit.publishJob(job);

        // Then
        List<DeliveryAttempt> attempts = awaitAttempts(job.deliveryId(), 2);
        assertThat(attempts).extracting(DeliveryAttempt::attempt).containsExactly(1, 2);
        assertThat(attempts.get(0).outcome()).isEqualTo(Outcome.RETRYING);
        assertThat(attempts.get(0).statusCode()).isEqualTo(500);
        assertThat(attempts.get(0).errorClass()).isEqualTo("http_status");
        assertThat(attempts.get(0).responseBody()).isEqualTo("boom");
        assertThat(attempts.get(0).nextAttemptAt()).isNotNull();
        assertThat(attempts.get(1).outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(requests(path)).extracting(request -> request.getHeader("webhook-id"))
                .containsExactly(job.deliveryId(), job.deliveryId());
        List<DeliveryJob> retried = await().atMost(DispatcherKit.timeout()).until(() -> kit
                .reader(Topics.retryTier(RetryTier.SECONDS_10).name()).values(DeliveryJob.class).stream()
                .filter(j -> j.deliveryId().equals(job.deliveryId())).toList(), found -> !found.isEmpty());
        assertThat(retried).singleElement().satisfies(r -> {
                    assertThat(r.attempt()).isEqualTo(2);
                    assertThat(r.dueAt()).isNotNull();
                    assertThat(r.lastError()).isEqualTo("HTTP 500");
                });
    }

    @Test
    void shouldDeadLetterAfterMaxRetriesAndEmitAttemptExhaustedAndMailOnce() throws Exception {
        // Given an endpoint that always fails and a webhook with two retries and a notification address
        String path = "/always-500";
        receiver.stubFor(any(urlPathEqualTo(path)).willReturn(aResponse().withStatus(500)));
        var spec = Webhooks.Spec.of(url(path), kit.cipher, Webhooks.newSigningSecret()).maxRetries(2)
                .email("owner@example.test");
        kit.publishWebhook(spec.config());
        DeliveryJob first = spec.job("INC-2", "{}", 2);
        DeliveryJob second = spec.job("INC-3", "{}", 3);

        // When
        kit.publishJob(first);
        kit.publishJob(second);

        // Then
        List<DeliveryAttempt> attempts = awaitAttempts(first.deliveryId(), 3);
        assertThat(attempts).extracting(DeliveryAttempt::outcome)
                .containsExactly(Outcome.RETRYING, Outcome.RETRYING, Outcome.DEAD);
        awaitAttempts(second.deliveryId(), 3);
        List<JsonNode> dead = await().atMost(DispatcherKit.timeout()).until(() -> json(Topics.WEBHOOK_DELIVERIES_DLQ),
                found -> found.size() >= 2);
        assertThat(dead).filteredOn(node -> node.get("delivery_id").asText().equals(first.deliveryId()))
                .singleElement().satisfies(node -> {
                    assertThat(node.get("attempt").asInt()).isEqualTo(3);
                    assertThat(node.get("last_error").asText()).isEqualTo("HTTP 500");
                });
        List<JsonNode> events = await().atMost(DispatcherKit.timeout())
                .until(() -> operationalEvents(spec.id(), "hookline.attempt.exhausted"), found -> found.size() >= 2);
        assertThat(events.get(0).get("specversion").asText()).isEqualTo("1.0");
        assertThat(events.get(0).get("data").get("webhook_id").asText()).isEqualTo(spec.id());
        await().atMost(DispatcherKit.timeout()).until(() -> smtp.getReceivedMessages().length >= 1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("owner@example.test");
        assertThat(mail.getSubject()).contains("failed");
        // Both deliveries died, but the owner hears about the webhook once within the hour.
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void shouldEmitNoOperationalEventAboutAWebhookThatReceivesOperationalEvents() {
        // Given a webhook that receives operational events and a plain one, both failing for good at once
        String path = "/ops-down";
        receiver.stubFor(any(urlPathEqualTo(path)).willReturn(aResponse().withStatus(500)));
        var operational = Webhooks.Spec.of(url(path), kit.cipher, Webhooks.newSigningSecret()).maxRetries(0);
        var plain = Webhooks.Spec.of(url(path), kit.cipher, Webhooks.newSigningSecret()).maxRetries(0);
        kit.publishWebhook(withEventTypes(operational.config(), "hookline.*"));
        kit.publishWebhook(plain.config());
        DeliveryJob operationalJob = operational.job(operational.id(), "{}", 21);
        DeliveryJob plainJob = plain.job("INC-21", "{}", 22);

        // When
        kit.publishJob(operationalJob);
        kit.publishJob(plainJob);

        // Then both are dead-lettered, the plain one is announced, the operational one never is
        assertThat(awaitAttempts(operationalJob.deliveryId(), 1).get(0).outcome()).isEqualTo(Outcome.DEAD);
        assertThat(awaitAttempts(plainJob.deliveryId(), 1).get(0).outcome()).isEqualTo(Outcome.DEAD);
        await().atMost(DispatcherKit.timeout())
                .until(() -> operationalEvents(plain.id(), "hookline.attempt.exhausted"), found -> found.size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> kit.reader(Topics.WEBHOOK_OPERATIONAL_EVENTS.name()).records().stream()
                        .noneMatch(record -> operational.id().equals(record.key())));
    }

    private static WebhookConfig withEventTypes(WebhookConfig webhook, String... eventTypes) {
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(webhook);
        node.set("event_types", Json.MAPPER.valueToTree(List.of(eventTypes)));
        return Json.MAPPER.convertValue(node, WebhookConfig.class);
    }

    @Test
    void shouldHonourRetryAfterOn429() {
        // Given
        String path = "/busy";
        receiver.stubFor(any(urlPathEqualTo(path)).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("free"));
        receiver.stubFor(any(urlPathEqualTo(path)).inScenario("busy").whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(200)));
        var spec = Webhooks.Spec.of(url(path), kit.cipher, Webhooks.newSigningSecret());
        kit.publishWebhook(spec.config());
        DeliveryJob job = spec.job("INC-4", "{}", 4);

        // When
        kit.publishJob(job);

        // Then the retry waits the 2 s the endpoint asked for, not the (scaled) 100 ms of the schedule
        List<DeliveryAttempt> attempts = awaitAttempts(job.deliveryId(), 2);
        DeliveryAttempt first = attempts.get(0);
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(Duration.between(first.timestamp(), first.nextAttemptAt())).isBetween(
                Duration.ofMillis(1500), Duration.ofMillis(2500));
        assertThat(Duration.between(first.timestamp(), attempts.get(1).timestamp()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(attempts.get(1).outcome()).isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void shouldDisableTheWebhookOn410AndDropItsLaterJobs() {
        // Given
        String path = "/gone";
        receiver.stubFor(any(urlPathEqualTo(path)).willReturn(aResponse().withStatus(410)));
        var spec = Webhooks.Spec.of(url(path), kit.cipher, Webhooks.newSigningSecret()).email("gone@example.test");
        kit.publishWebhook(spec.config());
        DeliveryJob job = spec.job("INC-5", "{}", 5);

        // When
        kit.publishJob(job);

        // Then the attempt fails without retry, the webhook is written back disabled, and endpoint.disabled is out
        DeliveryAttempt attempt = awaitAttempts(job.deliveryId(), 1).get(0);
        assertThat(attempt.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(attempt.statusCode()).isEqualTo(410);
        WebhookConfig disabled = await().atMost(DispatcherKit.timeout()).until(() -> kit
                .reader(Topics.WEBHOOK_CONFIG.name()).values(WebhookConfig.class).stream()
                .filter(config -> config.id().equals(spec.id()) && !config.isWebhookEnabled())
                .findFirst().orElse(null), found -> found != null);
        assertThat(disabled.version()).isEqualTo(spec.version() + 1);
        assertThat(disabled.disabledReason()).contains("410");
        assertThat(disabled.signingSecrets()).isEqualTo(spec.config().signingSecrets());
        await().atMost(DispatcherKit.timeout())
                .until(() -> operationalEvents(spec.id(), "hookline.endpoint.disabled"), found -> found.size() == 1);

        // And a later job of the disabled webhook is dropped with a failed record, without a request
        DeliveryJob later = spec.job("INC-6", "{}", 6);
        kit.publishJob(later);
        DeliveryAttempt dropped = awaitAttempts(later.deliveryId(), 1).get(0);
        assertThat(dropped.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(dropped.errorClass()).isEqualTo("disabled");
        assertThat(requests(path)).hasSize(1);
    }

    @Test
    void shouldClassifyTimeoutsRefusedAndResetConnectionsAndRetryThem() throws IOException {
        // Given a slow endpoint, a closed port and an endpoint that resets the connection
        receiver.stubFor(any(urlPathEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        receiver.stubFor(any(urlPathEqualTo("/reset"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        var slow = Webhooks.Spec.of(url("/slow"), kit.cipher, Webhooks.newSigningSecret()).timeoutMs(500)
                .maxRetries(0);
        var refused = Webhooks.Spec.of("http://127.0.0.1:" + closedPort() + "/hook", kit.cipher,
                Webhooks.newSigningSecret()).maxRetries(0);
        var reset = Webhooks.Spec.of(url("/reset"), kit.cipher, Webhooks.newSigningSecret()).maxRetries(1);
        List.of(slow, refused, reset).forEach(spec -> kit.publishWebhook(spec.config()));
        DeliveryJob slowJob = slow.job("INC-7", "{}", 7);
        DeliveryJob refusedJob = refused.job("INC-8", "{}", 8);
        DeliveryJob resetJob = reset.job("INC-9", "{}", 9);

        // When
        List.of(slowJob, refusedJob, resetJob).forEach(kit::publishJob);

        // Then
        DeliveryAttempt timedOut = awaitAttempts(slowJob.deliveryId(), 1).get(0);
        assertThat(timedOut.errorClass()).isEqualTo("timeout");
        assertThat(timedOut.durationMs()).isBetween(400L, 2500L);
        assertThat(timedOut.outcome()).isEqualTo(Outcome.DEAD);
        assertThat(awaitAttempts(refusedJob.deliveryId(), 1).get(0).errorClass()).isEqualTo("connection_refused");
        List<DeliveryAttempt> resets = awaitAttempts(resetJob.deliveryId(), 2);
        assertThat(resets).extracting(DeliveryAttempt::errorClass).containsOnly("connection_reset");
        assertThat(resets).extracting(DeliveryAttempt::outcome).containsExactly(Outcome.RETRYING, Outcome.DEAD);
    }

    @Test
    void shouldApplyARotatedSecretToAPendingRetry() {
        // Given a delivery whose first attempt fails
        String path = "/rotate";
        receiver.stubFor(any(urlPathEqualTo(path)).inScenario("rotate").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")).willSetStateTo("ok"));
        receiver.stubFor(any(urlPathEqualTo(path)).inScenario("rotate").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200)));
        String oldSecret = Webhooks.newSigningSecret();
        String newSecret = Webhooks.newSigningSecret();
        var spec = Webhooks.Spec.of(url(path), kit.cipher, oldSecret);
        kit.publishWebhook(spec.config());
        DeliveryJob job = spec.job("INC-10", "{\"x\":1}", 10);
        kit.publishJob(job);
        awaitAttempts(job.deliveryId(), 1);

        // When the secret is replaced while the retry waits
        kit.publishWebhook(spec.secrets(List.of(new SigningSecret(kit.cipher.encrypt(newSecret), null))).config());

        // Then the retry is signed with the new secret only
        awaitAttempts(job.deliveryId(), 2);
        LoggedRequest retry = requests(path).get(1);
        assertThatCode(() -> new Webhook(newSecret).verify("{\"x\":1}", headers(retry))).doesNotThrowAnyException();
        assertThat(retry.getHeader("webhook-signature").split(" ")).hasSize(1);
    }

    @Test
    void shouldDropJobsOfADeletedWebhookOrARemovedUrl() {
        // Given
        String path = "/removed";
        receiver.stubFor(any(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        var deleted = Webhooks.Spec.of(url(path), kit.cipher, Webhooks.newSigningSecret());
        var moved = Webhooks.Spec.of(url(path), kit.cipher, Webhooks.newSigningSecret());
        kit.publishWebhook(deleted.config());
        kit.send(kit.topic(Topics.WEBHOOK_CONFIG.name()), deleted.id(), null);
        kit.publishWebhook(moved.url(url("/elsewhere")).config());

        // When
        DeliveryJob deletedJob = deleted.job("INC-11", "{}", 11);
        DeliveryJob movedJob = moved.job("INC-12", "{}", 12);
        kit.publishJob(deletedJob);
        kit.publishJob(movedJob);

        // Then
        assertThat(awaitAttempts(deletedJob.deliveryId(), 1).get(0).errorClass()).isEqualTo("webhook_deleted");
        DeliveryAttempt movedAttempt = awaitAttempts(movedJob.deliveryId(), 1).get(0);
        assertThat(movedAttempt.errorClass()).isEqualTo("url_removed");
        assertThat(movedAttempt.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(requests(path)).isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + receiver.port() + path;
    }

    private List<LoggedRequest> requests(String path) {
        return receiver.getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .filter(request -> request.getUrl().startsWith(path))
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    private List<DeliveryAttempt> awaitAttempts(String deliveryId, int count) {
        return await().atMost(DispatcherKit.timeout())
                .until(() -> kit.attemptsOf(deliveryId), attempts -> attempts.size() >= count)
                .stream().sorted(java.util.Comparator.comparing(DeliveryAttempt::attempt)).toList();
    }

    private List<JsonNode> json(io.hookline.contracts.topic.Topic<?, ?> topic) {
        return kit.reader(topic.name()).records().stream().map(record -> readTree(record.value())).toList();
    }

    private List<JsonNode> operationalEvents(String webhookId, String type) {
        return kit.reader(Topics.WEBHOOK_OPERATIONAL_EVENTS.name()).records().stream()
                .filter(record -> webhookId.equals(record.key()))
                .map(record -> readTree(record.value()))
                .filter(node -> node.get("type").asText().equals(type))
                .toList();
    }

    private static JsonNode readTree(byte[] bytes) {
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, List<String>> headers(LoggedRequest request) {
        return request.getHeaders().all().stream().collect(Collectors.toMap(HttpHeader::key, HttpHeader::values));
    }
}
