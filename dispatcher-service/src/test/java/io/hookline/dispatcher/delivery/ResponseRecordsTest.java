package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.size.SizeLimits;
import io.hookline.contracts.webhook.Ordering;
import io.hookline.dispatcher.http.HttpOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseRecordsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T16:00:00Z");

    @Test
    void shouldParseAJsonBody() {
        JsonNode event = event(job("INC-1"), answer(200, "{\"operations\":{\"appendIntent\":{\"intent\":\"Resolved\"}}}",
                false));

        assertThat(event.at("/data/body/operations/appendIntent/intent").asText()).isEqualTo("Resolved");
        assertThat(event.at("/data/body_truncated").asBoolean()).isFalse();
        assertThat(event.get("time").asText()).isEqualTo(NOW.toString());
        assertThat(event.get("subject").asText()).isEqualTo("INC-1");
    }

    @Test
    void shouldKeepABodyThatIsNotJsonAsText() {
        JsonNode event = event(job("INC-2"), answer(502, "<html>Bad Gateway</html>", false));

        assertThat(event.at("/data/body").isTextual()).isTrue();
        assertThat(event.at("/data/body").asText()).isEqualTo("<html>Bad Gateway</html>");
        assertThat(event.at("/data/status_code").asInt()).isEqualTo(502);
    }

    @Test
    void shouldKeepACutJsonBodyAsTextWithTheTruncationFlag() {
        JsonNode event = event(job("INC-3"), answer(200, "{\"items\":[1,2,3", true));

        assertThat(event.at("/data/body").asText()).isEqualTo("{\"items\":[1,2,3");
        assertThat(event.at("/data/body_truncated").asBoolean()).isTrue();
    }

    @Test
    void shouldCapAnOversizedBodyAt64KiB() {
        String big = "x".repeat(SizeLimits.BODY_CAP_BYTES * 3);

        JsonNode event = event(job("INC-4"), answer(200, big, false));

        assertThat(event.at("/data/body").asText().getBytes(StandardCharsets.UTF_8))
                .hasSize(SizeLimits.BODY_CAP_BYTES);
        assertThat(event.at("/data/body_truncated").asBoolean()).isTrue();
    }

    @Test
    void shouldCutFurtherToFitTheAttemptRecordLimitWhenTheEventAttributesAreHuge() {
        String control = "\u0001".repeat(SizeLimits.BODY_CAP_BYTES);
        DeliveryJob job = job("S".repeat(300 * 1024));

        byte[] json = ResponseRecords.event(job, answer(200, control, false), NOW);

        assertThat(json.length).isLessThanOrEqualTo(SizeLimits.ATTEMPT_MAX_BYTES);
        JsonNode event = Json.fromBytes(json, JsonNode.class);
        assertThat(event.at("/data/body_truncated").asBoolean()).isTrue();
        assertThat(event.at("/data/subject").asText()).hasSize(1024);
    }

    @Test
    void shouldKeyByTheSubjectElseTheEventId() {
        assertThat(ResponseRecords.key(job("INC-6"))).isEqualTo("INC-6");
        assertThat(ResponseRecords.key(job(null))).isEqualTo("evt-1");
        assertThat(ResponseRecords.key(job(""))).isEqualTo("evt-1");
    }

    @Test
    void shouldGiveEveryRecordItsOwnId() {
        DeliveryJob job = job("INC-7");
        HttpOutcome answer = answer(200, "", false);

        assertThat(event(job, answer).get("id")).isNotEqualTo(event(job, answer).get("id"));
        assertThat(event(job, answer).at("/data/body").isNull()).isTrue();
    }

    private static JsonNode event(DeliveryJob job, HttpOutcome http) {
        return Json.fromBytes(ResponseRecords.event(job, http, NOW), JsonNode.class);
    }

    private static HttpOutcome answer(int status, String body, boolean truncated) {
        return new HttpOutcome(status, Map.of("Content-Type", "application/json"), body, truncated, 12, null, null);
    }

    private static DeliveryJob job(String subject) {
        return new DeliveryJob("dlv-1", "wh-1", 1, "acme", "https://example.test/hook", "POST", Map.of(), "{}",
                "evt-1", "incident.triggered", subject, null, "{}", "0:1", Ordering.NONE, 1, 3, 2000, NOW, null, null,
                null);
    }
}
