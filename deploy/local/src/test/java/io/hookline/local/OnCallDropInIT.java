package io.hookline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A Grafana OnCall client on real processes, with one base URL (config-service's): it creates its webhook through the
 * pre-v1.3.11 {@code /api/v1/actions/}, reads it through {@code /api/v1/webhooks/}, previews OnCall's documented
 * templates against OnCall's documented {@code alert_group.acknowledged} payload, and reads the attempt log of a real
 * delivery from config-service's port, answered by the real log-service behind it.
 */
class OnCallDropInIT {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);
    private static final String LABELS_TEMPLATE = "{\\\"labels\\\" : {{ alert_payload.commonLabels | tojson()}}}";

    @Test
    void shouldServeAnOnCallClientFromConfigServicesBaseUrlAlone() throws Exception {
        LocalSettings settings = FreePorts.settings(Files.createTempDirectory("hookline-oncall"));
        try (LocalStack stack = LocalStack.start(settings);
             Receiver receiver = Receiver.wellBehaved((path, eventId, attempt) -> 200)) {
            HooklineApi api = new HooklineApi(stack.adminToken());
            String base = stack.url(Service.CONFIG);
            String webhook = """
                    {"name": "OnCall acknowledgements", "url": "%s", "http_method": "POST",
                     "trigger_type": "acknowledge",
                     "headers": {"X-Event": "{{ event.type }}", "X-Alert-Group": "{{ alert_group.id }}"},
                     "data": "%s"}""".formatted(receiver.url("/oncall"), LABELS_TEMPLATE);

            var created = api.post(base + "/api/v1/actions/", webhook);
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            String id = created.json().get("id").asText();
            var read = api.get(base + "/api/v1/webhooks/" + id + "/");
            assertThat(read.status()).as(read.text()).isEqualTo(200);
            assertThat(read.json().get("name").asText()).isEqualTo("OnCall acknowledgements");
            assertThat(read.json().get("data").asText()).isEqualTo(LABELS_TEMPLATE.replace("\\\"", "\""));

            String event = """
                    {"specversion": "1.0", "id": "oncall-ack-it", "source": "/oncall", "type": "alert_group.acknowledged",
                     "subject": "IZQERPWKWCGH1", "data": %s}""".formatted(oncallEventData());
            var preview = api.post(base + "/api/v1/webhooks/preview",
                    "{\"webhook\": " + webhook + ", \"event\": " + event + "}");
            assertThat(preview.status()).as(preview.text()).isEqualTo(200);
            JsonNode rendered = preview.json().get("requests").get(0);
            assertThat(rendered.get("headers").get("X-Event").asText()).isEqualTo("acknowledge");
            assertThat(rendered.get("headers").get("X-Alert-Group").asText()).isEqualTo("IZQERPWKWCGH1");
            assertThat(Json.MAPPER.readTree(rendered.get("body").asText()).get("labels"))
                    .isEqualTo(Json.MAPPER.readTree("{\"job\": \"node\", \"severity\": \"critical\", \"alertname\": \"InstanceDown\"}"));

            assertThat(api.post(base + "/api/v1/events", event).status()).isEqualTo(202);

            String responses = base + "/api/v1/webhooks/" + id + "/responses?page_size=10";
            JsonNode attempt = await().atMost(DELIVERY_TIMEOUT).until(() -> {
                var page = api.get(responses);
                return page.status() == 200 && page.json().get("results").size() > 0
                        ? page.json().get("results").get(0) : null;
            }, Objects::nonNull);
            var fromLogService = api.get(stack.url(Service.LOG) + "/api/v1/webhooks/" + id + "/responses?page_size=10");

            assertThat(attempt.get("status_code").asInt()).isEqualTo(200);
            assertThat(attempt.get("event_id").asText()).isEqualTo("oncall-ack-it");
            assertThat(Json.MAPPER.readTree(attempt.get("request_data").asText()).get("labels").get("alertname").asText())
                    .isEqualTo("InstanceDown");
            assertThat(fromLogService.json().get("results")).isEqualTo(api.get(responses).json().get("results"));
            assertThat(api.get(responses).json().get("next").isNull()).isTrue();
        }
    }

    private static String oncallEventData() throws IOException {
        try (InputStream in = OnCallDropInIT.class.getResourceAsStream("/oncall/alert-group-acknowledged-event-data.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
