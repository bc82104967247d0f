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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code payload_format} and a built-in template on real processes: one event through the API, Kafka, matcher and
 * dispatcher to a real HTTP receiver, as CloudEvents binary mode, as its data alone, and as the Slack template renders
 * it; each signed over the body that arrived.
 */
class PayloadFormatIT {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
    private static final String EVENT = """
            {"specversion":"1.0","id":"evt-format-1","source":"/incidents","type":"incident.triggered",
             "time":"2026-11-22T10:00:00Z","subject":"INC 7 \\"db\\"","tenant":"default",
             "data":{"incident":{"id":"INC-7","title":"DB down","priority":"P1","status":"triggered"},
                     "service":{"id":"svc-9","name":"payments"}}}""";

    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void startReceiver() {
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/binary")).willReturn(aResponse().withStatus(204)));
        receiver.stubFor(post(urlEqualTo("/data")).willReturn(aResponse().withStatus(204)));
        receiver.stubFor(post(urlEqualTo("/slack")).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    @Test
    void shouldSendEachPayloadFormatAndATemplateToTheReceiver() throws Exception {
        try (LocalStack stack = LocalStack.start(FreePorts.settings(Files.createTempDirectory("hookline-formats")))) {
            HooklineApi api = new HooklineApi(stack.adminToken());
            String webhooks = stack.url(Service.CONFIG) + "/api/v1/webhooks/";
            // Given three webhooks for the event: binary mode, data alone, and the Slack template
            String binarySecret = create(api, webhooks, """
                    {"name": "binary", "url": "%s", "event_types": ["incident.*"],
                     "payload_format": "cloudevent_binary"}""".formatted(receiver.baseUrl() + "/binary"));
            create(api, webhooks, """
                    {"name": "data", "url": "%s", "event_types": ["incident.*"], "payload_format": "data"}"""
                    .formatted(receiver.baseUrl() + "/data"));
            create(api, webhooks, """
                    {"name": "slack", "url": "%s", "event_types": ["incident.*"], "template": "slack"}"""
                    .formatted(receiver.baseUrl() + "/slack"));

            // When the event is posted
            HooklineApi.Reply accepted = api.post(stack.url(Service.CONFIG) + "/api/v1/events", EVENT);
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);

            // Then binary mode brings the data as the body and every attribute as a ce-* header, signed
            LoggedRequest binary = received("/binary");
            assertThat(binary.getHeader("ce-specversion")).isEqualTo("1.0");
            assertThat(binary.getHeader("ce-id")).isEqualTo("evt-format-1");
            assertThat(binary.getHeader("ce-source")).isEqualTo("/incidents");
            assertThat(binary.getHeader("ce-type")).isEqualTo("incident.triggered");
            assertThat(binary.getHeader("ce-time")).isEqualTo("2026-11-22T10:00:00Z");
            assertThat(binary.getHeader("ce-subject")).isEqualTo("INC%207%20%22db%22");
            assertThat(binary.getHeader("ce-tenant")).isEqualTo("default");
            assertThat(binary.getHeader("Content-Type")).startsWith("application/json");
            JsonNode binaryBody = Json.MAPPER.readTree(binary.getBodyAsString());
            assertThat(binaryBody.at("/incident/id").asText()).isEqualTo("INC-7");
            assertThat(binaryBody.has("specversion")).isFalse();
            assertThat(binary.getHeader("webhook-signature")).isEqualTo(signature(binarySecret, binary));

            // And the data format brings the data alone, without ce-* headers
            LoggedRequest data = received("/data");
            assertThat(Json.MAPPER.readTree(data.getBodyAsString()))
                    .isEqualTo(Json.MAPPER.readTree(EVENT).get("data"));
            assertThat(data.getHeaders().keys()).noneMatch(name -> name.toLowerCase().startsWith("ce-"));

            // And the Slack template brings a Slack message
            JsonNode slack = Json.MAPPER.readTree(received("/slack").getBodyAsString());
            assertThat(slack.get("text").asText()).isEqualTo("[incident.triggered] DB down");
            assertThat(slack.at("/blocks/0/text/text").asText()).contains("payments");
        }
    }

    /** Creates a webhook and answers its signing secret, shown once. */
    private static String create(HooklineApi api, String webhooks, String json) {
        HooklineApi.Reply created = api.post(webhooks, json);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("signing_secret").asText();
    }

    private LoggedRequest received(String path) {
        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() ->
                assertThat(receiver.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(1));
        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo(path)));
        return requests.get(0);
    }

    /** Standard Webhooks v1: base64 HMAC-SHA256 over "id.timestamp.body" with the secret's bytes. */
    private static String signature(String secret, LoggedRequest request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = request.getHeader("webhook-id") + "." + request.getHeader("webhook-timestamp") + "."
                + request.getBodyAsString();
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
