package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.micronaut.context.ApplicationContext;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code disable_after_failing} on the real broker: a webhook whose every attempt fails for its window is disabled
 * through the config writer, announced with {@code hookline.endpoint.disabled} and mailed, and its pending retry ends
 * as "webhook disabled". The windows here are seconds, written straight to the config topic (the API accepts 1 minute
 * or more).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersistentFailureTest {

    private static final Duration QUIET = Duration.ofSeconds(2);

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private Map<String, Object> settings;

    @BeforeAll
    void start() {
        receiver.start();
        smtp.start();
        receiver.stubFor(any(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(503).withBody("down")));
        // 10 s waits 20 ms, 1 min 120 ms, 10 min 1.2 s, 1 h 7.2 s.
        settings = Map.of(
                "hookline.dispatcher.retry-delay-scale", 0.002,
                "hookline.dispatcher.smtp.host", "127.0.0.1",
                "hookline.dispatcher.smtp.port", smtp.getSmtp().getPort(),
                "hookline.dispatcher.smtp.from", "hookline@example.test");
    }

    @AfterAll
    void stop() {
        receiver.stop();
        smtp.stop();
        kit.close();
    }

    @Test
    void shouldDisableAWebhookWhoseEveryAttemptFailedForItsWindow() throws Exception {
        ApplicationContext dispatcher = kit.start(settings);
        try {
            // Given a webhook that disables after 1 s of failures, and an endpoint that always answers 503
            var spec = Webhooks.Spec.of(receiver.baseUrl() + "/down", kit.cipher, Webhooks.newSigningSecret())
                    .maxRetries(8).email("owner@example.test");
            publish(spec.config(), "1s");
            DeliveryJob job = spec.job("INC-1", "{}", 1);

            // When its job is attempted and retried for longer than that
            kit.publishJob(job);

            // Then the webhook is written disabled at the next version, saying why
            WebhookConfig disabled = await().atMost(DispatcherKit.timeout())
                    .until(() -> latestConfig(spec.id()), config -> config != null && !config.isWebhookEnabled());
            assertThat(disabled.version()).isEqualTo(2);
            assertThat(disabled.disabledReason()).contains("every attempt failed since")
                    .contains("disable_after_failing 1s").contains("HTTP 503");
            assertThat(disabled.disableAfterFailing()).isEqualTo("1s");
            assertThat(disabled.name()).isEqualTo(spec.config().name());

            // And hookline.endpoint.disabled is emitted once, keyed by the webhook, with the streak's start
            List<JsonNode> events = await().atMost(DispatcherKit.timeout())
                    .until(() -> operationalEvents(spec.id(), "endpoint.disabled"), found -> found.size() == 1);
            JsonNode event = events.get(0);
            assertThat(event.get("tenant").asText()).isEqualTo("default");
            assertThat(event.at("/data/webhook_id").asText()).isEqualTo(spec.id());
            assertThat(event.at("/data/disable_after_failing").asText()).isEqualTo("1s");
            assertThat(event.at("/data/reason").asText()).doesNotContainPattern("[0-9]");
            assertThat(event.at("/data/error").asText()).contains("every attempt failed since");
            Instant since = Instant.parse(event.at("/data/failing_since").asText());
            DeliveryAttempt firstAttempt = await().atMost(DispatcherKit.timeout())
                    .until(() -> kit.attemptsOf(job.deliveryId()), attempts -> !attempts.isEmpty()).get(0);
            assertThat(firstAttempt.timestamp()).isBeforeOrEqualTo(since);

            // And the owner is mailed
            MimeMessage mail = await().atMost(DispatcherKit.timeout()).until(() -> mailTo("owner@example.test"),
                    found -> found != null);
            assertThat(mail.getSubject()).contains("disabled");
            assertThat(mail.getContent().toString()).contains("every attempt failed since");

            // And the job's pending retry ends as "webhook disabled", without another request
            DeliveryAttempt last = await().atMost(DispatcherKit.timeout())
                    .until(() -> kit.attemptsOf(job.deliveryId()), attempts -> attempts.stream()
                            .anyMatch(attempt -> "disabled".equals(attempt.errorClass())))
                    .stream().filter(attempt -> "disabled".equals(attempt.errorClass())).findFirst().orElseThrow();
            assertThat(last.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(last.statusCode()).isNull();
            long sent = kit.attemptsOf(job.deliveryId()).stream().filter(a -> a.statusCode() != null).count();
            assertThat(receiver.findAll(anyRequestedFor(urlPathEqualTo("/down"))
                    .withHeader("webhook-id", equalTo(job.deliveryId())))).hasSize((int) sent);

            // When the operator enables it again with a 5 s window (a new version; the streak began longer ago than
            // that) and its next attempt fails too
            assertThat(Duration.between(since, Instant.now())).isGreaterThan(Duration.ofSeconds(5));
            ObjectNode enabled = Json.MAPPER.valueToTree(disabled);
            enabled.put("is_webhook_enabled", true).putNull("disabled_reason").put("version", 3)
                    .put("disable_after_failing", "5s").put("updated_at", Instant.now().toString());
            kit.send(kit.topic(Topics.WEBHOOK_CONFIG.name()), spec.id(), Json.toBytes(enabled));
            DeliveryJob afterEnabling = withVersion(spec.maxRetries(0).job("INC-5", "{}", 5), 3);
            kit.publishJob(afterEnabling);

            // Then the clock starts again from the enabling: the webhook stays enabled for now
            await().atMost(DispatcherKit.timeout()).until(() -> kit.attemptsOf(afterEnabling.deliveryId()).stream()
                    .anyMatch(attempt -> attempt.statusCode() != null && attempt.statusCode() == 503));
            await().atMost(QUIET.multipliedBy(2)).during(Duration.ofMillis(500))
                    .until(() -> latestConfig(spec.id()).version() == 3 && latestConfig(spec.id()).isWebhookEnabled());
        } finally {
            dispatcher.close();
        }
    }

    @Test
    void shouldKeepTheClockAcrossARestart() {
        // Given a webhook that disables after 2 s of failures, whose one attempt failed on a dispatcher that stopped
        ApplicationContext before = kit.start(settings);
        var spec = Webhooks.Spec.of(receiver.baseUrl() + "/down", kit.cipher, Webhooks.newSigningSecret())
                .maxRetries(0);
        DeliveryJob first = spec.job("INC-2", "{}", 2);
        Instant since;
        try {
            publish(spec.config(), "2s");
            kit.publishJob(first);
            since = await().atMost(DispatcherKit.timeout()).until(() -> failingSince(spec.id()), found -> found != null);
            awaitDead(first);
            await().atMost(DispatcherKit.timeout()).until(() -> latestConfig(spec.id()) != null);
            assertThat(latestConfig(spec.id()).isWebhookEnabled()).isTrue();
        } finally {
            before.close();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(since.plusSeconds(2)));

        // When a new dispatcher sees the next failure, after the window
        ApplicationContext after = kit.start(settings);
        try {
            DeliveryJob second = spec.job("INC-3", "{}", 3);
            kit.publishJob(second);

            // Then it counts from the first failure and disables the webhook
            WebhookConfig disabled = await().atMost(DispatcherKit.timeout())
                    .until(() -> latestConfig(spec.id()), config -> config != null && !config.isWebhookEnabled());
            assertThat(disabled.disabledReason()).contains("every attempt failed since " + since);
            assertThat(kit.attemptsOf(second.deliveryId())).hasSize(1);
        } finally {
            after.close();
        }
    }

    @Test
    void shouldLeaveAWebhookEnabledWhileItsWindowHasNotPassed() {
        ApplicationContext dispatcher = kit.start(settings);
        try {
            // Given a webhook that disables after 1 minute of failures
            var spec = Webhooks.Spec.of(receiver.baseUrl() + "/down", kit.cipher, Webhooks.newSigningSecret())
                    .maxRetries(0);
            publish(spec.config(), "1m");
            DeliveryJob job = spec.job("INC-4", "{}", 4);

            // When its one attempt fails
            kit.publishJob(job);
            awaitDead(job);

            // Then the streak is started, and the webhook stays enabled with no endpoint.disabled
            await().atMost(DispatcherKit.timeout()).until(() -> failingSince(spec.id()) != null);
            await().atMost(DispatcherKit.timeout()).until(() -> latestConfig(spec.id()) != null);
            await().during(QUIET).atMost(QUIET.multipliedBy(2)).until(() ->
                    latestConfig(spec.id()).isWebhookEnabled()
                            && operationalEvents(spec.id(), "endpoint.disabled").isEmpty());
        } finally {
            dispatcher.close();
        }
    }

    @Test
    void shouldLeaveAWebhookEnabledWhileAnotherOfItsUrlsSucceeds() {
        ApplicationContext dispatcher = kit.start(settings);
        try {
            // Given a webhook with two URLs, one always down and one that answers 200, disabling after 1 s
            receiver.stubFor(any(urlPathEqualTo("/up")).willReturn(aResponse().withStatus(200)));
            var spec = Webhooks.Spec.of(receiver.baseUrl() + "/down", kit.cipher, Webhooks.newSigningSecret())
                    .maxRetries(0);
            ObjectNode node = Json.MAPPER.valueToTree(spec.config());
            node.put("disable_after_failing", "1s").putArray("urls").add(receiver.baseUrl() + "/up");
            kit.send(kit.topic(Topics.WEBHOOK_CONFIG.name()), spec.id(), Json.toBytes(node));

            // When events go to both, one pair at a time, for well over the window (their lanes differ)
            List<DeliveryJob> pairs = new ArrayList<>();
            Instant start = Instant.now();
            await().atMost(DispatcherKit.timeout()).pollInterval(Duration.ofMillis(300)).until(() -> {
                int position = 100 + pairs.size();
                DeliveryJob down = spec.job(receiver.baseUrl() + "/down", "INC-" + position, "{}", position, Map.of());
                DeliveryJob up = spec.job(receiver.baseUrl() + "/up", "INC-" + position, "{}", position, Map.of());
                kit.publishJob(down);
                kit.publishJob(up);
                pairs.add(down);
                pairs.add(up);
                return Instant.now().isAfter(start.plusMillis(2500));
            });

            // Then every job was attempted, the successes kept resetting the clock, and the webhook is enabled
            await().atMost(DispatcherKit.timeout()).until(() -> pairs.stream()
                    .allMatch(job -> !kit.attemptsOf(job.deliveryId()).isEmpty()));
            await().atMost(DispatcherKit.timeout()).until(() -> latestConfig(spec.id()) != null);
            assertThat(latestConfig(spec.id()).isWebhookEnabled()).isTrue();
            assertThat(latestConfig(spec.id()).version()).isEqualTo(1);
            assertThat(operationalEvents(spec.id(), "endpoint.disabled")).isEmpty();
        } finally {
            dispatcher.close();
        }
    }

    private static DeliveryJob withVersion(DeliveryJob job, long version) {
        return new DeliveryJob(job.deliveryId(), job.webhookId(), version, job.tenant(), job.url(), job.method(),
                job.headers(), job.body(), job.eventId(), job.eventType(), job.eventSubject(), job.trigger(),
                job.eventData(), job.position(), job.ordering(), job.attempt(), job.maxRetries(), job.timeoutMs(),
                job.createdAt(), job.dueAt(), job.lastError(), job.redeliveryOf());
    }

    private void publish(WebhookConfig config, String window) {
        ObjectNode node = Json.MAPPER.valueToTree(config);
        node.put("disable_after_failing", window);
        kit.send(kit.topic(Topics.WEBHOOK_CONFIG.name()), config.id(), Json.toBytes(node));
    }

    private void awaitDead(DeliveryJob job) {
        await().atMost(DispatcherKit.timeout()).until(() -> kit.attemptsOf(job.deliveryId()).stream()
                .anyMatch(attempt -> attempt.outcome() == Outcome.DEAD));
    }

    private Instant failingSince(String webhookId) {
        return kit.reader(Topics.DISPATCHER_FAILING_SINCE.name()).records().stream()
                .filter(record -> webhookId.equals(record.key()))
                .map(record -> Json.fromBytes(record.value(), JsonNode.class).get("failing_since"))
                .filter(node -> node != null && !node.isNull())
                .map(node -> Instant.parse(node.asText()))
                .findFirst().orElse(null);
    }

    private WebhookConfig latestConfig(String webhookId) {
        List<WebhookConfig> all = kit.reader(Topics.WEBHOOK_CONFIG.name()).records().stream()
                .filter(record -> webhookId.equals(record.key()))
                .map(record -> Json.fromBytes(record.value(), WebhookConfig.class))
                .toList();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    private List<JsonNode> operationalEvents(String webhookId, String type) {
        return kit.reader(Topics.WEBHOOK_OPERATIONAL_EVENTS.name()).records().stream()
                .filter(record -> webhookId.equals(record.key()))
                .map(record -> Json.fromBytes(record.value(), JsonNode.class))
                .filter(node -> node.get("type").asText().endsWith(type))
                .toList();
    }

    private MimeMessage mailTo(String address) throws Exception {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                return message;
            }
        }
        return null;
    }
}
