package io.hookline.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hookline.contracts.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole system as {@code ./run-local} starts it: the embedded broker and the four services as processes from
 * their packaged jars. One event travels from the REST API through Kafka to a real HTTP receiver and into the log.
 */
class EndToEndIT {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
    private static final String EVENT = """
            {"specversion":"1.0","id":"evt-7f3a","source":"/incidents","type":"incident.triggered",
             "time":"2026-11-22T10:00:00Z","subject":"INC-123",
             "data":{"incident":{"id":"INC-123","title":"DB down","priority":"P1","status":"triggered"},
                     "service":{"id":"svc-9","name":"payments"},"team":{"id":"team-1","name":"SRE"}}}
            """;

    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private Path dataDir;
    private LocalSettings settings;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver.start();
        receiver.stubFor(post("/hooks/incidents").willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));
        dataDir = Files.createTempDirectory("hookline-e2e");
        settings = FreePorts.settings(dataDir);
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    @Test
    void shouldDeliverAnEventEndToEndAndKeepWebhookAndLogAcrossARestart() throws Exception {
        String webhookId;
        try (LocalStack stack = LocalStack.start(settings)) {
            HooklineApi api = new HooklineApi(stack.adminToken());
            String config = stack.url(Service.CONFIG);
            String log = stack.url(Service.LOG);

            // Given a webhook for incident.triggered pointing at the receiver
            HooklineApi.Reply created = api.post(config + "/api/v1/webhooks/", """
                    {"name":"incidents to receiver","url":"%s","http_method":"POST",
                     "event_types":["incident.triggered"]}""".formatted(receiver.baseUrl() + "/hooks/incidents"));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            webhookId = created.json().get("id").asText();
            assertThat(api.get(config + "/api/v1/webhooks/" + webhookId + "/").json().get("name").asText())
                    .isEqualTo("incidents to receiver");

            // When an event is posted
            HooklineApi.Reply accepted = api.post(config + "/api/v1/events", EVENT);
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);

            // Then the receiver gets the CloudEvent as JSON, signed
            await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> assertThat(
                    receiver.findAll(postRequestedFor(urlEqualTo("/hooks/incidents")))).hasSize(1));
            LoggedRequest request = receiver.findAll(postRequestedFor(urlEqualTo("/hooks/incidents"))).get(0);
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
            assertThat(request.getHeader("webhook-signature")).startsWith("v1,");
            JsonNode body = Json.MAPPER.readTree(request.getBodyAsString());
            assertThat(body.get("id").asText()).isEqualTo("evt-7f3a");
            assertThat(body.get("type").asText()).isEqualTo("incident.triggered");
            assertThat(body.at("/data/incident/title").asText()).isEqualTo("DB down");

            // And the attempt is in the log
            await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> assertEventDeliveryLogged(api, log, webhookId, 1));

            // And a test send goes through the real dispatcher and answers with what the receiver said
            HooklineApi.Reply tested = api.post(config + "/api/v1/webhooks/" + webhookId + "/test",
                    "{\"event_type\":\"incident.triggered\"}");
            assertThat(tested.status()).as(tested.text()).isEqualTo(200);
            assertThat(tested.json().at("/responses/0/status_code").asInt()).as(tested.text()).isEqualTo(200);
            assertThat(tested.json().at("/responses/0/body").asText()).isEqualTo("{\"ok\":true}");
            assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hooks/incidents")))).hasSize(2);
        }

        // After a restart on the same data, the webhook and its log (the delivery and the test send) are still there
        try (LocalStack stack = LocalStack.start(settings)) {
            HooklineApi api = new HooklineApi(stack.adminToken());
            HooklineApi.Reply webhook = api.get(stack.url(Service.CONFIG) + "/api/v1/webhooks/" + webhookId + "/");
            assertThat(webhook.status()).as(webhook.text()).isEqualTo(200);
            await().atMost(DELIVERY_TIMEOUT).untilAsserted(
                    () -> assertEventDeliveryLogged(api, stack.url(Service.LOG), webhookId, 2));
        }
    }

    /** The webhook has {@code attempts} attempts logged, one of them the successful delivery of the event. */
    private static void assertEventDeliveryLogged(HooklineApi api, String log, String webhookId, int attempts) {
        HooklineApi.Reply responses = api.get(log + "/api/v1/webhooks/" + webhookId + "/responses");
        assertThat(responses.status()).as(responses.text()).isEqualTo(200);
        JsonNode results = responses.json().get("results");
        assertThat(results).as(responses.text()).hasSize(attempts);
        assertThat(results).as(responses.text())
                .filteredOn(result -> result.get("event_id").asText().equals("evt-7f3a"))
                .singleElement().satisfies(result -> {
                    assertThat(result.get("status_code").asInt()).isEqualTo(200);
                    assertThat(result.get("outcome").asText()).isEqualTo("succeeded");
                });
    }
}
