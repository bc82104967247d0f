package io.hookline.contracts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.event.TraceContext;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.webhook.Ordering;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryRecordJsonTest {

    private static final String EVENT = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"data\":{\"text\":\"a \\\"quoted\\\" é\"}}";
    private static final Instant CREATED = Instant.parse("2026-11-28T10:15:30.123456Z");

    private static DeliveryJob job(String body, String eventData) {
        return new DeliveryJob("d-1", "wh-1", 7, "acme", "https://example.com/hook", "POST",
                Map.of("X-Team", "sre", "Content-Type", "application/json"), body, "e-1", "incident.triggered",
                "INC-1", "incident.triggered", eventData, "3:42", Ordering.SUBJECT, 2, 5, 10_000, CREATED,
                CREATED.plusSeconds(30), "HTTP 503", "d-0");
    }

    private static DeliveryAttempt attempt(String body, String eventData) {
        return new DeliveryAttempt("d-1", "wh-1", "acme", 3, CREATED, "https://example.com/hook", "POST",
                Map.of("webhook-id", "d-1"), body, true, 503, Map.of("Retry-After", "5"), "busy", false, 42,
                Outcome.RETRYING, "HTTP 503", "http_status", CREATED.plusSeconds(5), "e-1", "incident.triggered",
                "incident.triggered", eventData);
    }

    private static JsonNode tree(Object value) {
        return Json.MAPPER.valueToTree(value);
    }

    private static final TraceContext TRACE = TraceContext.of(
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "congo=t61rcWkgMzE");

    @Test
    void shouldCarryTheTraceContextThroughJobRetryAndAttempt() {
        DeliveryJob job = withTrace(job(EVENT, EVENT));
        DeliveryAttempt attempt = attempt(EVENT, EVENT).withTrace(TRACE);

        DeliveryJob read = Json.fromBytes(Json.toBytes(job), DeliveryJob.class);
        DeliveryJob retry = Json.fromBytes(Json.toBytes(read.nextAttempt(CREATED, "HTTP 500")), DeliveryJob.class);
        DeliveryAttempt readAttempt = Json.fromBytes(Json.toBytes(attempt), DeliveryAttempt.class);

        assertThat(tree(job).get("traceparent").asText()).isEqualTo(TRACE.traceparent());
        assertThat(tree(attempt).get("tracestate").asText()).isEqualTo(TRACE.tracestate());
        assertThat(read).isEqualTo(job);
        assertThat(retry.trace()).isEqualTo(TRACE);
        assertThat(readAttempt).isEqualTo(attempt);
    }

    @Test
    void shouldLeaveTheTraceFieldsOutWhenTheEventHasNone() {
        assertThat(tree(job(EVENT, EVENT)).has("traceparent")).isFalse();
        assertThat(tree(attempt(EVENT, EVENT)).has("tracestate")).isFalse();
        assertThat(Json.fromBytes(Json.toBytes(job(EVENT, EVENT)), DeliveryJob.class).trace())
                .isEqualTo(TraceContext.NONE);
    }

    private static DeliveryJob withTrace(DeliveryJob j) {
        return new DeliveryJob(j.deliveryId(), j.webhookId(), j.webhookVersion(), j.tenant(), j.url(), j.method(),
                j.headers(), j.body(), j.eventId(), j.eventType(), j.eventSubject(), j.trigger(), j.eventData(),
                j.position(), j.ordering(), j.attempt(), j.maxRetries(), j.timeoutMs(), j.createdAt(), j.dueAt(),
                j.lastError(), j.redeliveryOf(), j.eventTime(), TRACE);
    }

    @Test
    void shouldCarryTheEventOnceWhenItIsTheBody() {
        DeliveryJob job = job(EVENT, EVENT);

        byte[] bytes = Json.toBytes(job);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).containsOnlyOnce("quoted");
        assertThat(tree(job).has("event_data")).isFalse();
        assertThat(tree(job).get("event_data_is_body").asBoolean()).isTrue();
        assertThat(Json.fromBytes(bytes, DeliveryJob.class)).isEqualTo(job);
    }

    @Test
    void shouldCarryBothWhenTheBodyIsRenderedFromTheEvent() {
        DeliveryJob job = job("{\"text\":\"rendered\"}", EVENT);

        assertThat(tree(job).get("event_data").asText()).isEqualTo(EVENT);
        assertThat(tree(job).has("event_data_is_body")).isFalse();
        assertThat(Json.fromBytes(Json.toBytes(job), DeliveryJob.class)).isEqualTo(job);
    }

    @Test
    void shouldKeepNullsAbsentAndNullEventDataNull() {
        DeliveryJob job = new DeliveryJob("d-1", "wh-1", 1, "acme", "https://example.com", "POST", null, "x", null,
                null, null, null, null, null, null, 1, 0, 0, null, null, null, null);

        JsonNode tree = tree(job);

        assertThat(tree.has("event_data")).isFalse();
        assertThat(tree.has("event_data_is_body")).isFalse();
        assertThat(tree.has("due_at")).isFalse();
        assertThat(tree.get("ordering").asText()).isEqualTo("none");
        assertThat(Json.fromBytes(Json.toBytes(job), DeliveryJob.class)).isEqualTo(job);
    }

    @Test
    void shouldWriteTheFieldsUnderTheirWireNames() {
        JsonNode tree = tree(job("b", "e"));

        assertThat(tree.get("delivery_id").asText()).isEqualTo("d-1");
        assertThat(tree.get("webhook_version").asLong()).isEqualTo(7);
        assertThat(tree.get("headers").get("X-Team").asText()).isEqualTo("sre");
        assertThat(tree.get("ordering").asText()).isEqualTo("subject");
        assertThat(tree.get("max_retries").asInt()).isEqualTo(5);
        assertThat(tree.get("timeout_ms").asInt()).isEqualTo(10_000);
        assertThat(tree.get("created_at").asText()).isEqualTo("2026-11-28T10:15:30.123456Z");
        assertThat(tree.get("redelivery_of").asText()).isEqualTo("d-0");
    }

    @Test
    void shouldReadJobsWrittenBeforeTheEventWasCarriedOnce() {
        String earlier = """
                {"delivery_id":"d-1","webhook_id":"wh-1","webhook_version":3,"tenant":"acme","url":"https://x",
                 "method":"POST","headers":{"A":"b"},"body":"{}","event_id":"e-1","event_data":"{}",
                 "ordering":"subject","attempt":2,"max_retries":5,"timeout_ms":100,
                 "created_at":"2026-11-28T10:15:30Z","something_new":{"nested":[1,2]}}""";

        DeliveryJob job = Json.fromBytes(earlier.getBytes(StandardCharsets.UTF_8), DeliveryJob.class);

        assertThat(job.eventData()).isEqualTo("{}");
        assertThat(job.ordering()).isEqualTo(Ordering.SUBJECT);
        assertThat(job.headers()).containsEntry("A", "b");
        assertThat(job.createdAt()).isEqualTo(Instant.parse("2026-11-28T10:15:30Z"));
        assertThat(job.attempt()).isEqualTo(2);
    }

    @Test
    void shouldCarryTheEventTimeThroughJsonAndRetriesAndReadOlderJobsWithoutOne() {
        Instant happened = Instant.parse("2026-11-28T10:15:29.5Z");
        DeliveryJob first = job("b", "e");
        DeliveryJob timed = new DeliveryJob(first.deliveryId(), first.webhookId(), first.webhookVersion(),
                first.tenant(), first.url(), first.method(), first.headers(), first.body(), first.eventId(),
                first.eventType(), first.eventSubject(), first.trigger(), first.eventData(), first.position(),
                first.ordering(), first.attempt(), first.maxRetries(), first.timeoutMs(), first.createdAt(),
                first.dueAt(), first.lastError(), first.redeliveryOf(), happened, first.trace());

        assertThat(tree(timed).get("event_time").asText()).isEqualTo("2026-11-28T10:15:29.500Z");
        assertThat(Json.fromBytes(Json.toBytes(timed), DeliveryJob.class)).isEqualTo(timed);
        assertThat(timed.nextAttempt(CREATED, "HTTP 500").eventTime()).isEqualTo(happened);
        assertThat(tree(first).has("event_time")).isFalse();
        assertThat(Json.fromBytes(Json.toBytes(first), DeliveryJob.class).eventTime()).isNull();
    }

    @Test
    void shouldRefuseValuesOfTheWrongShapeAsUnreadable() {
        for (String bad : new String[]{"[]", "{\"attempt\":{}}", "{\"ordering\":\"sideways\"}",
                "{\"created_at\":\"yesterday\"}", "{\"headers\":[1]}", "{\"body\":{\"a\":1}}", "{\"attempt\":\"x\"}"}) {
            assertThatThrownBy(() -> Json.fromBytes(bad.getBytes(StandardCharsets.UTF_8), DeliveryJob.class))
                    .as(bad).isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void shouldRoundTripAttemptsAndCarryTheEventOnce() {
        DeliveryAttempt same = attempt(EVENT, EVENT);
        DeliveryAttempt different = attempt("{\"text\":\"rendered\"}", EVENT);

        assertThat(new String(Json.toBytes(same), StandardCharsets.UTF_8)).containsOnlyOnce("quoted");
        assertThat(Json.fromBytes(Json.toBytes(same), DeliveryAttempt.class)).isEqualTo(same);
        assertThat(Json.fromBytes(Json.toBytes(different), DeliveryAttempt.class)).isEqualTo(different);
        assertThat(tree(same).get("outcome").asText()).isEqualTo("retrying");
        assertThat(tree(same).get("request_body_truncated").asBoolean()).isTrue();
        assertThat(tree(same).get("next_attempt_at").asText()).isEqualTo("2026-11-28T10:15:35.123456Z");
    }

    @Test
    void shouldRoundTripAnAttemptThatNeverGotAnAnswer() {
        DeliveryAttempt unanswered = new DeliveryAttempt("d-1", "wh-1", "acme", 1, CREATED, "https://x", "POST",
                Map.of(), null, false, null, Map.of(), null, false, 0, Outcome.FAILED, "gone", "webhook_deleted",
                null, null, null, null, null);

        assertThat(tree(unanswered).has("status_code")).isFalse();
        assertThat(Json.fromBytes(Json.toBytes(unanswered), DeliveryAttempt.class)).isEqualTo(unanswered);
    }
}
