package io.hookline.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.GoneEndpoint;
import io.hookline.dispatcher.support.Webhooks;
import io.micronaut.context.ApplicationContext;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 410 Gone while an operator changes the webhook: the disable is a compare-and-set on the webhook as it is when the
 * 410 arrives, never a blind overwrite with the copy the dispatcher had when it sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoneEndpointTest {

    /** Long enough for a write, an event or a mail that was on its way to show up. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    private final DispatcherKit kit = new DispatcherKit();
    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private ApplicationContext dispatcher;

    @BeforeAll
    void start() {
        smtp.start();
        dispatcher = kit.start(Map.of(
                "hookline.dispatcher.smtp.host", "127.0.0.1",
                "hookline.dispatcher.smtp.port", smtp.getSmtp().getPort(),
                "hookline.dispatcher.smtp.from", "hookline@example.test"));
    }

    @AfterAll
    void stop() {
        dispatcher.close();
        smtp.stop();
        kit.close();
    }

    @Test
    void shouldDisableTheWebhookAsTheOperatorLastWroteItWhenRenamedWhileTheRequestWasInFlight() throws Exception {
        try (GoneEndpoint endpoint = new GoneEndpoint()) {
            // Given a webhook at version 1 and its job, and an operator who renames it (version 2) mid-request
            var spec = Webhooks.Spec.of(endpoint.url("/renamed"), kit.cipher, Webhooks.newSigningSecret())
                    .email("renamed@example.test");
            kit.publishWebhook(spec.config());
            DeliveryJob job = spec.job("INC-21", "{}", 21);
            endpoint.onFirstRequest(() -> publishEdited(spec.config(), node -> node
                    .put("name", "renamed by operator").put("version", 2)));

            // When the endpoint answers 410 to the job that still carries version 1
            kit.publishJob(job);

            // Then version 3 is the operator's version 2, disabled: the rename survives
            DeliveryAttempt attempt = awaitAttempt(job.deliveryId());
            assertThat(attempt.statusCode()).isEqualTo(410);
            assertThat(attempt.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(attempt.error()).endsWith("webhook disabled");
            WebhookConfig disabled = await().atMost(DispatcherKit.timeout())
                    .until(() -> latestConfig(spec.id()), config -> config != null && !config.isWebhookEnabled());
            assertThat(disabled.version()).isEqualTo(3);
            assertThat(disabled.name()).isEqualTo("renamed by operator");
            assertThat(disabled.disabledReason()).contains("410");
            assertThat(disabled.signingSecrets()).isEqualTo(spec.config().signingSecrets());
            assertThat(versionsWritten(spec.id())).containsExactly(1L, 2L, 3L);

            // And the disable is announced once, the mail naming the webhook as the operator now knows it
            await().atMost(DispatcherKit.timeout())
                    .until(() -> operationalEvents(spec.id(), "hookline.endpoint.disabled"),
                            found -> found.size() == 1);
            MimeMessage mail = await().atMost(DispatcherKit.timeout()).until(() -> mailTo("renamed@example.test"),
                    found -> found != null);
            assertThat(mail.getSubject()).contains("renamed by operator").contains("disabled");
        }
    }

    @Test
    void shouldLeaveTheWebhookEnabledWhenTheGoneUrlWasRemovedWhileTheRequestWasInFlight() throws IOException {
        try (GoneEndpoint endpoint = new GoneEndpoint()) {
            // Given a webhook whose URL the operator replaces (version 2) while its request is in flight
            var spec = Webhooks.Spec.of(endpoint.url("/replaced"), kit.cipher, Webhooks.newSigningSecret())
                    .email("replaced@example.test");
            kit.publishWebhook(spec.config());
            DeliveryJob job = spec.job("INC-22", "{}", 22);
            String replacement = endpoint.url("/new-home");
            endpoint.onFirstRequest(() -> publishEdited(spec.config(), node -> node
                    .put("url", replacement).put("version", 2)));

            // When the old URL answers 410
            kit.publishJob(job);

            // Then the 410 is logged, and the webhook stays as the operator left it: enabled, at version 2
            DeliveryAttempt attempt = awaitAttempt(job.deliveryId());
            assertThat(attempt.statusCode()).isEqualTo(410);
            assertThat(attempt.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(attempt.error()).contains("not disabled");
            WebhookConfig current = await().atMost(DispatcherKit.timeout())
                    .until(() -> latestConfig(spec.id()), config -> config != null && config.version() == 2);
            assertThat(current.isWebhookEnabled()).isTrue();
            assertThat(current.url()).isEqualTo(replacement);
            assertThat(endpoint.requests()).isEqualTo(1);

            // And nothing else is written or sent: no version 3, no endpoint.disabled, no mail
            await().during(QUIET).atMost(QUIET.multipliedBy(2)).until(() ->
                    versionsWritten(spec.id()).equals(List.of(1L, 2L))
                            && operationalEvents(spec.id(), "hookline.endpoint.disabled").isEmpty()
                            && mailTo("replaced@example.test") == null);
        }
    }

    private void publishEdited(WebhookConfig config, UnaryOperator<ObjectNode> edit) {
        ObjectNode node = Json.MAPPER.valueToTree(config);
        kit.send(kit.topic(Topics.WEBHOOK_CONFIG.name()), config.id(), Json.toBytes(edit.apply(node)));
    }

    private DeliveryAttempt awaitAttempt(String deliveryId) {
        return await().atMost(DispatcherKit.timeout())
                .until(() -> kit.attemptsOf(deliveryId), attempts -> !attempts.isEmpty()).get(0);
    }

    private List<WebhookConfig> configs(String webhookId) {
        return kit.reader(Topics.WEBHOOK_CONFIG.name()).records().stream()
                .filter(record -> webhookId.equals(record.key()))
                .map(record -> Json.fromBytes(record.value(), WebhookConfig.class))
                .toList();
    }

    private List<Long> versionsWritten(String webhookId) {
        return configs(webhookId).stream().map(WebhookConfig::version).toList();
    }

    private WebhookConfig latestConfig(String webhookId) {
        List<WebhookConfig> all = configs(webhookId);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    private List<JsonNode> operationalEvents(String webhookId, String type) {
        return kit.reader(Topics.WEBHOOK_OPERATIONAL_EVENTS.name()).records().stream()
                .filter(record -> webhookId.equals(record.key()))
                .map(record -> Json.fromBytes(record.value(), JsonNode.class))
                .filter(node -> node.get("type").asText().equals(type))
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
