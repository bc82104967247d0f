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
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole system as {@code ./run-local} starts it: the embedded broker and the four services as processes from
 * their packaged jars. One event travels from the REST API through Kafka to a real HTTP receiver and into the log.
 */
class EndToEndIT {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
    /** The Kafka client metrics binder looks for new metrics (a partition's lag) once a minute. */
    private static final Duration METRICS_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern DISPATCHER_LAG = Pattern.compile(
            "kafka_consumer_fetch_manager_records_lag\\{client_id=\"dispatcher-[^}]*topic=\"[^\"]*webhook-deliveries\"");
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

            // And every metric the dashboard and the alert rules read is exported, without tenant data in labels
            assertMonitoringMetricsExported(stack, webhookId);
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

    /**
     * Every metric name in the Grafana dashboard's queries and the alert rules' expressions is in a {@code /prometheus}
     * answer of one of the four services (Kafka client metrics of a newly assigned partition are bound within the
     * binder's one-minute refresh, hence the wait); the delivery was timed end to end and counted; and no label value
     * of any service names the webhook, its URL or the event.
     */
    private void assertMonitoringMetricsExported(LocalStack stack, String webhookId) throws IOException {
        Map<String, Set<String>> queries = MonitoringQueries.all();
        assertThat(queries).hasSizeGreaterThan(20);
        assertThat(MonitoringQueries.alertNames()).contains("HooklineServiceDown", "HooklineDeliveryLagGrowing",
                "HooklineDeliverySuccessRateLow", "HooklineDeadLettersGrowing", "HooklineEndToEndLatencyHigh");
        Map<Service, Scrape> scrapes = new EnumMap<>(Service.class);
        await().atMost(METRICS_TIMEOUT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Set<String> exported = new HashSet<>(MonitoringQueries.SYNTHETIC);
            for (Service service : Service.values()) {
                scrapes.put(service, Scrape.of(stack.url(service)));
                exported.addAll(scrapes.get(service).sampleNames());
            }
            queries.forEach((query, names) -> assertThat(exported).as(query).containsAll(names));
            // The lag of the dispatcher's own topic, which its group assigned after the client metrics were bound
            assertThat(DISPATCHER_LAG.matcher(scrapes.get(Service.DISPATCHER).text()).find())
                    .as("the dispatcher exports its lag on webhook-deliveries").isTrue();
        });

        // Only the matcher's job carries the event's time: the test send is not timed, the delivery once
        assertThat(scrapes.get(Service.DISPATCHER).value("hookline_dispatcher_e2e_latency_seconds_count", ""))
                .isEqualTo(1.0);
        assertThat(scrapes.get(Service.DISPATCHER).value("hookline_dispatcher_attempts_total",
                "error_class=\"none\",outcome=\"succeeded\"")).isEqualTo(2.0);
        assertThat(scrapes.get(Service.CONFIG).value("hookline_config_events_ingested_total", "")).isEqualTo(1.0);
        assertThat(scrapes.get(Service.CONFIG).value("hookline_config_writes_total", "kind=\"webhook_created\""))
                .isEqualTo(1.0);
        assertThat(scrapes.get(Service.MATCHER).value("hookline_matcher_matches_total", "")).isEqualTo(1.0);

        List<String> tenantData = List.of(webhookId, "incidents to receiver", "/hooks/incidents",
                "localhost:" + receiver.port(), "127.0.0.1:" + receiver.port(), "evt-7f3a", "INC-123");
        scrapes.forEach((service, scrape) -> assertThat(scrape.labelValues()).as(service.module())
                .isNotEmpty()
                .noneMatch(value -> tenantData.stream().anyMatch(value::contains)));
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
