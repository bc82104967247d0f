package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.event.TraceContext;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code publish_responses} on the real broker: an endpoint answering All Quiet's documented incident patches has its
 * answers on {@code webhook-responses}, keyed by the event's subject, for the producing system to apply.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookResponsesTest {

    /** All Quiet's "Resolve Incident When Sent to Outbound Webhook" patch. */
    private static final String RESOLVE_PATCH = """
            {"operations": {"appendIntent": {"intent": "Resolved"}}}""";
    /** All Quiet's "Add Attribute To Incident" patch. */
    private static final String ATTRIBUTE_PATCH = """
            {"operations": {"addAttributes": {"attributes": [
              {"name": "Ticket", "value": "https://tickets.example.test/T-1", "isImage": false, "hideInPreviews": false}
            ]}}}""";
    private static final Duration QUIET = Duration.ofSeconds(2);

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private ApplicationContext dispatcher;

    @BeforeAll
    void start() {
        receiver.start();
        dispatcher = kit.start(Map.of("hookline.dispatcher.retry-delay-scale", 0.01));
    }

    @AfterAll
    void stop() {
        dispatcher.close();
        receiver.stop();
        kit.close();
    }

    @Test
    void shouldPublishTheResolvePatchKeyedByTheSubjectWithItsBodyParsed() {
        // Given a webhook with publish_responses whose endpoint answers All Quiet's resolve patch
        receiver.stubFor(any(urlPathEqualTo("/resolve")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(RESOLVE_PATCH)));
        var spec = Webhooks.Spec.of(receiver.baseUrl() + "/resolve", kit.cipher, Webhooks.newSigningSecret());
        publish(spec.config(), true);
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        DeliveryJob job = withTrace(spec.job("INC-100", "{}", 100), traceparent);

        // When the job is delivered
        kit.publishJob(job);

        // Then one hookline.webhook.response is keyed by the subject, with the patch as JSON
        ConsumerRecord<String, byte[]> record = awaitResponses(job).get(0);
        assertThat(record.key()).isEqualTo("INC-100");
        JsonNode event = Json.fromBytes(record.value(), JsonNode.class);
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo("hookline.webhook.response");
        assertThat(event.get("source").asText()).isEqualTo("/hookline/dispatcher");
        assertThat(event.get("id").asText()).isNotBlank();
        assertThat(event.get("time").asText()).isNotBlank();
        assertThat(event.get("subject").asText()).isEqualTo("INC-100");
        assertThat(event.get("tenant").asText()).isEqualTo("default");
        assertThat(event.get("traceparent").asText()).isEqualTo(traceparent);
        JsonNode data = event.get("data");
        assertThat(data.get("webhook_id").asText()).isEqualTo(spec.id());
        assertThat(data.get("delivery_id").asText()).isEqualTo(job.deliveryId());
        assertThat(data.get("event_id").asText()).isEqualTo(job.eventId());
        assertThat(data.get("event_type").asText()).isEqualTo("incident.triggered");
        assertThat(data.get("subject").asText()).isEqualTo("INC-100");
        assertThat(data.get("url").asText()).isEqualTo(job.url());
        assertThat(data.get("status_code").asInt()).isEqualTo(200);
        assertThat(data.get("headers").get("Content-Type").asText()).isEqualTo("application/json");
        assertThat(data.get("body")).isEqualTo(Json.fromBytes(RESOLVE_PATCH.getBytes(StandardCharsets.UTF_8), JsonNode.class));
        assertThat(data.get("body").at("/operations/appendIntent/intent").asText()).isEqualTo("Resolved");
        assertThat(data.get("body_truncated").asBoolean()).isFalse();
    }

    @Test
    void shouldPublishEveryAnsweredAttemptAFailedOneToo() {
        // Given an endpoint that answers 500 with the attribute patch, then 200 with it
        receiver.stubFor(any(urlPathEqualTo("/flaky")).inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody("upstream broke"))
                .willSetStateTo("answered"));
        receiver.stubFor(any(urlPathEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("answered")
                .willReturn(aResponse().withStatus(201).withBody(ATTRIBUTE_PATCH)));
        var spec = Webhooks.Spec.of(receiver.baseUrl() + "/flaky", kit.cipher, Webhooks.newSigningSecret());
        publish(spec.config(), true);
        DeliveryJob job = spec.job("INC-101", "{}", 101);

        // When it is delivered and retried once
        kit.publishJob(job);

        // Then both answers are published in order: the 500 with its text body, then the patch
        List<ConsumerRecord<String, byte[]>> records = await().atMost(DispatcherKit.timeout())
                .until(() -> responsesOf(job), found -> found.size() == 2);
        JsonNode failed = Json.fromBytes(records.get(0).value(), JsonNode.class).get("data");
        JsonNode patched = Json.fromBytes(records.get(1).value(), JsonNode.class).get("data");
        assertThat(failed.get("status_code").asInt()).isEqualTo(500);
        assertThat(failed.get("body").isTextual()).isTrue();
        assertThat(failed.get("body").asText()).isEqualTo("upstream broke");
        assertThat(failed.get("attempt").asInt()).isEqualTo(1);
        assertThat(patched.get("status_code").asInt()).isEqualTo(201);
        assertThat(patched.get("attempt").asInt()).isEqualTo(2);
        assertThat(patched.at("/body/operations/addAttributes/attributes/0/value").asText())
                .isEqualTo("https://tickets.example.test/T-1");
        assertThat(records).extracting(ConsumerRecord::key).containsOnly("INC-101");
    }

    @Test
    void shouldPublishNothingForARefusedConnectionOrAWebhookWithoutPublishResponses() throws IOException {
        // Given a webhook with publish_responses whose port is closed, and one without it whose endpoint answers
        var refused = Webhooks.Spec.of("http://127.0.0.1:" + closedPort() + "/hook", kit.cipher,
                Webhooks.newSigningSecret()).maxRetries(0);
        publish(refused.config(), true);
        receiver.stubFor(any(urlPathEqualTo("/quiet")).willReturn(aResponse().withStatus(200)
                .withBody(RESOLVE_PATCH)));
        var quiet = Webhooks.Spec.of(receiver.baseUrl() + "/quiet", kit.cipher, Webhooks.newSigningSecret());
        publish(quiet.config(), false);
        DeliveryJob refusedJob = refused.job("INC-102", "{}", 102);
        DeliveryJob quietJob = quiet.job("INC-103", "{}", 103);

        // When both are attempted
        kit.publishJob(refusedJob);
        kit.publishJob(quietJob);

        // Then both attempts are logged, and no response is published for either
        await().atMost(DispatcherKit.timeout()).until(() -> !kit.attemptsOf(refusedJob.deliveryId()).isEmpty()
                && !kit.attemptsOf(quietJob.deliveryId()).isEmpty());
        assertThat(kit.attemptsOf(refusedJob.deliveryId()).get(0).errorClass()).isEqualTo("connection_refused");
        await().during(QUIET).atMost(QUIET.multipliedBy(2))
                .until(() -> responsesOf(refusedJob).isEmpty() && responsesOf(quietJob).isEmpty());
    }

    @Test
    void shouldKeyTheResponseByTheEventIdWhenTheEventHasNoSubject() {
        // Given an event without a subject
        receiver.stubFor(any(urlPathEqualTo("/no-subject")).willReturn(aResponse().withStatus(202)));
        var spec = Webhooks.Spec.of(receiver.baseUrl() + "/no-subject", kit.cipher, Webhooks.newSigningSecret());
        publish(spec.config(), true);
        DeliveryJob job = spec.job(null, "{}", 104);

        // When it is delivered
        kit.publishJob(job);

        // Then the response is keyed by the event id, with an empty body as null
        ConsumerRecord<String, byte[]> record = awaitResponses(job).get(0);
        assertThat(record.key()).isEqualTo(job.eventId());
        JsonNode data = Json.fromBytes(record.value(), JsonNode.class).get("data");
        assertThat(data.get("status_code").asInt()).isEqualTo(202);
        assertThat(data.get("body").isNull()).isTrue();
    }

    private void publish(WebhookConfig config, boolean publishResponses) {
        ObjectNode node = Json.MAPPER.valueToTree(config);
        node.put("publish_responses", publishResponses);
        kit.send(kit.topic(Topics.WEBHOOK_CONFIG.name()), config.id(), Json.toBytes(node));
    }

    private List<ConsumerRecord<String, byte[]>> awaitResponses(DeliveryJob job) {
        return await().atMost(DispatcherKit.timeout()).until(() -> responsesOf(job), found -> !found.isEmpty());
    }

    private List<ConsumerRecord<String, byte[]>> responsesOf(DeliveryJob job) {
        return kit.reader(Topics.WEBHOOK_RESPONSES.name()).records().stream()
                .filter(record -> job.deliveryId().equals(Json.fromBytes(record.value(), JsonNode.class)
                        .at("/data/delivery_id").asText()))
                .toList();
    }

    private static DeliveryJob withTrace(DeliveryJob job, String traceparent) {
        return new DeliveryJob(job.deliveryId(), job.webhookId(), job.webhookVersion(), job.tenant(), job.url(),
                job.method(), job.headers(), job.body(), job.eventId(), job.eventType(), job.eventSubject(),
                job.trigger(), job.eventData(), job.position(), job.ordering(), job.attempt(), job.maxRetries(),
                job.timeoutMs(), job.createdAt(), job.dueAt(), job.lastError(), job.redeliveryOf(), job.eventTime(),
                TraceContext.of(traceparent, null));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
