package io.hookline.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.hookline.contracts.json.Json;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * #15 points 3 and 8 through the whole system as {@code ./run-local} starts it, configured through the API:
 * {@code publish_responses} puts an All Quiet-style patch answer on {@code webhook-responses} keyed by the incident,
 * and {@code disable_after_failing} (its shortest, 1 minute) disables a webhook whose receiver only fails.
 */
class ResponsesAndAutoDisableIT {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
    /** The window plus the slack of one more failing event posted every few seconds. */
    private static final Duration DISABLE_TIMEOUT = Duration.ofSeconds(150);
    private static final String RESOLVE_PATCH = "{\"operations\":{\"appendIntent\":{\"intent\":\"Resolved\"}}}";

    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void startReceiver() {
        receiver.start();
        receiver.stubFor(post("/patching").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(RESOLVE_PATCH)));
        receiver.stubFor(post("/broken").willReturn(aResponse().withStatus(500).withBody("broken")));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    @Test
    void shouldPublishThePatchAnswerAndDisableAWebhookThatOnlyFails() throws Exception {
        LocalSettings settings = FreePorts.settings(Files.createTempDirectory("hookline-responses"));
        try (LocalStack stack = LocalStack.start(settings);
             KafkaConsumer<String, byte[]> responses = consumer(settings.bootstrapServers())) {
            HooklineApi api = new HooklineApi(stack.adminToken());
            String config = stack.url(Service.CONFIG);

            // Given a webhook with publish_responses whose receiver answers All Quiet's resolve patch
            HooklineApi.Reply patching = api.post(config + "/api/v1/webhooks/", """
                    {"name":"patching","url":"%s","event_types":["incident.resolve_me"],"publish_responses":true}"""
                    .formatted(receiver.baseUrl() + "/patching"));
            assertThat(patching.status()).as(patching.text()).isEqualTo(201);
            String patchingId = patching.json().get("id").asText();

            // When an incident event is posted
            assertThat(api.post(config + "/api/v1/events", event("incident.resolve_me", "INC-42")).status())
                    .isEqualTo(202);

            // Then the answer is on webhook-responses, keyed by the incident, with the patch as JSON
            List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
            await().atMost(DELIVERY_TIMEOUT).until(() -> {
                responses.poll(Duration.ofMillis(200)).forEach(read::add);
                return !read.isEmpty();
            });
            ConsumerRecord<String, byte[]> record = read.get(0);
            assertThat(record.key()).isEqualTo("INC-42");
            JsonNode response = Json.fromBytes(record.value(), JsonNode.class);
            assertThat(response.get("type").asText()).isEqualTo("hookline.webhook.response");
            assertThat(response.at("/data/webhook_id").asText()).isEqualTo(patchingId);
            assertThat(response.at("/data/status_code").asInt()).isEqualTo(200);
            assertThat(response.at("/data/body/operations/appendIntent/intent").asText()).isEqualTo("Resolved");

            // Given a webhook that disables after 1 minute of failures, whose receiver answers 500
            HooklineApi.Reply broken = api.post(config + "/api/v1/webhooks/", """
                    {"name":"broken","url":"%s","event_types":["incident.break_me"],"max_retries":0,
                     "disable_after_failing":"1m"}""".formatted(receiver.baseUrl() + "/broken"));
            assertThat(broken.status()).as(broken.text()).isEqualTo(201);
            String brokenId = broken.json().get("id").asText();

            // When its events keep failing for more than a minute
            int[] posted = {0};
            JsonNode disabled = await().atMost(DISABLE_TIMEOUT).pollInterval(Duration.ofSeconds(5)).until(() -> {
                api.post(config + "/api/v1/events", event("incident.break_me", "INC-" + posted[0]++));
                return api.get(config + "/api/v1/webhooks/" + brokenId + "/").json();
            }, webhook -> !webhook.get("is_webhook_enabled").asBoolean());

            // Then the API shows it disabled, saying why; the other webhook is untouched
            assertThat(disabled.get("disabled_reason").asText()).contains("every attempt failed since")
                    .contains("disable_after_failing 1m").contains("HTTP 500");
            assertThat(posted[0]).isGreaterThan(1);
            assertThat(api.get(config + "/api/v1/webhooks/" + patchingId + "/").json()
                    .get("is_webhook_enabled").asBoolean()).isTrue();
        }
    }

    private static String event(String type, String subject) {
        return """
                {"specversion":"1.0","id":"%s","source":"/incidents","type":"%s","subject":"%s",
                 "data":{"incident":{"id":"%s","status":"triggered"}}}"""
                .formatted("evt-" + UUID.randomUUID(), type, subject, subject);
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "responses-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of("webhook-responses"));
        return consumer;
    }
}
