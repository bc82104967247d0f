package io.hookline.log.api;

import static io.hookline.log.LogServiceInstance.ADMIN_TOKEN;
import static io.hookline.log.topology.Attempts.attempt;
import static io.hookline.log.topology.Attempts.succeeded;
import static io.hookline.log.topology.Attempts.withTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.auth.Scopes;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.event.TraceContext;
import io.hookline.contracts.json.Json;
import io.hookline.log.LogServiceInstance;
import io.hookline.log.TopicWriter;
import io.hookline.testkit.SharedKafka;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogApiTest {

    private static final String READ_ONLY_WEBHOOKS = "tok-webhooks-read-only";
    private static final String ACME_LOGS = "tok-acme-logs";

    private final String prefix = SharedKafka.uniqueName("log-api") + ".";
    private final Instant now = Instant.now();
    private LogServiceInstance log;

    @BeforeAll
    void start() {
        SharedKafka.bootstrapServers();
        log = LogServiceInstance.start(prefix, Map.of("hookline.log.streams.commit.interval.ms", "1000"));
        TopicWriter.token(prefix, READ_ONLY_WEBHOOKS, "default", Set.of(Scopes.WEBHOOKS_READ));
        TopicWriter.token(prefix, ACME_LOGS, "acme", Set.of(Scopes.LOGS_READ));
    }

    @AfterAll
    void stop() {
        log.close();
    }

    @Test
    void shouldListResponsesNewestFirstInOnCallShapeWithOrWithoutTrailingSlash() {
        // Given
        TopicWriter.attempts(prefix, List.of(
                succeeded("wh-list", "d-1", now.minusSeconds(30)),
                attempt("wh-list", "d-2", 1, now.minusSeconds(20), Outcome.RETRYING, 503, "incident.resolved", 40),
                succeeded("wh-list", "d-3", now.minusSeconds(10))));

        // When
        JsonNode page = awaitJson("/api/v1/webhooks/wh-list/responses", body -> body.path("count").asInt() == 3);
        HttpResponse<String> withSlash = log.get("/api/v1/webhooks/wh-list/responses/", ADMIN_TOKEN);

        // Then
        assertThat(page.path("results").findValuesAsText("delivery_id")).containsExactly("d-3", "d-2", "d-1");
        assertThat(page.path("next").isNull()).isTrue();
        assertThat(page.path("previous").isNull()).isTrue();
        assertThat(page.path("page_size").asInt()).isEqualTo(50);
        assertThat(page.path("current_page_number").asInt()).isEqualTo(1);
        assertThat(page.path("total_pages").asInt()).isEqualTo(1);
        JsonNode item = page.path("results").get(1);
        for (String field : List.of("timestamp", "url", "request_trigger", "request_headers", "request_data",
                "status_code", "content", "event_data", "delivery_id", "event_id", "event_type", "attempt", "outcome",
                "duration_ms", "error")) {
            assertThat(item.has(field)).as(field).isTrue();
        }
        assertThat(item.path("outcome").asText()).isEqualTo("retrying");
        assertThat(item.path("status_code").asInt()).isEqualTo(503);
        assertThat(item.path("request_headers").isTextual()).isTrue();
        assertThat(withSlash.statusCode()).isEqualTo(200);
        assertThat(json(withSlash.body()).path("count").asInt()).isEqualTo(3);
    }

    @Test
    void shouldFilterAndPaginateWithLinks() {
        TopicWriter.attempts(prefix, List.of(
                attempt("wh-page", "d-1", 1, now.minusSeconds(40), Outcome.FAILED, 400, "a", 1),
                attempt("wh-page", "d-2", 1, now.minusSeconds(30), Outcome.FAILED, 400, "a", 1),
                attempt("wh-page", "d-3", 1, now.minusSeconds(20), Outcome.FAILED, 400, "b", 1),
                succeeded("wh-page", "d-4", now.minusSeconds(10))));
        awaitJson("/api/v1/webhooks/wh-page/responses", body -> body.path("count").asInt() == 4);

        JsonNode second = json(log.get("/api/v1/webhooks/wh-page/responses?outcome=failed&page_size=1&page=2",
                ADMIN_TOKEN).body());
        JsonNode typed = json(log.get("/api/v1/webhooks/wh-page/responses?event_type=a&status_code=400&from="
                + now.minusSeconds(35) + "&to=" + now, ADMIN_TOKEN).body());

        assertThat(second.path("count").asInt()).isEqualTo(3);
        assertThat(second.path("total_pages").asInt()).isEqualTo(3);
        assertThat(second.path("results").findValuesAsText("delivery_id")).containsExactly("d-2");
        assertThat(second.path("next").asText()).startsWith("http://localhost:" + log.port()
                + "/api/v1/webhooks/wh-page/responses?").contains("outcome=failed").contains("page=3");
        assertThat(second.path("previous").asText()).contains("page=1");
        assertThat(typed.path("results").findValuesAsText("delivery_id")).containsExactly("d-2");
    }

    @Test
    void shouldAnswerNotFoundForAPagePastTheLastLikeConfigService() {
        TopicWriter.attempts(prefix, List.of(succeeded("wh-last", "d-1", now.minusSeconds(5))));
        awaitJson("/api/v1/webhooks/wh-last/responses", body -> body.path("count").asInt() == 1);

        HttpResponse<String> past = log.get("/api/v1/webhooks/wh-last/responses?page=2", ADMIN_TOKEN);

        assertThat(past.statusCode()).isEqualTo(404);
        assertThat(past.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void shouldRejectBadParametersWithFieldErrors() {
        HttpResponse<String> response = log.get("/api/v1/webhooks/wh-x/responses?page=0&page_size=501"
                + "&outcome=maybe&status_code=abc&from=yesterday", ADMIN_TOKEN);
        HttpResponse<String> window = log.get("/api/v1/webhooks/wh-x/stats?window=forever", ADMIN_TOKEN);
        HttpResponse<String> since = log.post("/api/v1/webhooks/wh-x/recover", ADMIN_TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response.body()).path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("page", "page_size", "outcome", "status_code", "from");
        assertThat(window.statusCode()).isEqualTo(400);
        assertThat(since.statusCode()).isEqualTo(400);
    }

    @Test
    void shouldAnswer401WithoutAValidToken() {
        assertThat(log.get("/api/v1/webhooks/wh-list/responses", null).statusCode()).isEqualTo(401);
        assertThat(log.get("/api/v1/webhooks/wh-list/responses", "nope").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswer403WithoutLogsRead() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(log.get("/api/v1/webhooks/wh-list/responses", READ_ONLY_WEBHOOKS).statusCode())
                        .isEqualTo(403));
        assertThat(log.post("/api/v1/deliveries/d-1/redeliver", ACME_LOGS).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldAnswer404ForAnotherTenantsWebhookAndDelivery() {
        // Given a webhook of the default tenant with a logged attempt, and one of acme
        TopicWriter.attempts(prefix, List.of(succeeded("wh-tenant", "d-tenant", now.minusSeconds(5)),
                withTenant(succeeded("wh-acme", "d-acme", now.minusSeconds(5)), "acme")));
        awaitJson("/api/v1/webhooks/wh-tenant/responses", body -> body.path("count").asInt() == 1);

        // When / Then
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(log.get("/api/v1/webhooks/wh-acme/responses", ACME_LOGS).statusCode()).isEqualTo(200));
        assertThat(log.get("/api/v1/webhooks/wh-tenant/responses", ACME_LOGS).statusCode()).isEqualTo(404);
        assertThat(log.get("/api/v1/webhooks/wh-tenant/stats", ACME_LOGS).statusCode()).isEqualTo(404);
        assertThat(log.get("/api/v1/deliveries/d-tenant", ACME_LOGS).statusCode()).isEqualTo(404);
        assertThat(log.get("/api/v1/webhooks/wh-acme/responses", ADMIN_TOKEN).statusCode()).isEqualTo(404);
        assertThat(log.get("/api/v1/webhooks/never-seen/responses", ADMIN_TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldShowAWebhookWithoutAttemptsAsAnEmptyPage() {
        TopicWriter.webhook(prefix, "wh-quiet", "default", "https://example.com/quiet");

        JsonNode page = awaitJson("/api/v1/webhooks/wh-quiet/responses", body -> body.has("count"));

        assertThat(page.path("count").asInt()).isZero();
        assertThat(page.path("results")).isEmpty();
    }

    @Test
    void shouldReturnEveryAttemptOfOneDelivery() {
        TopicWriter.attempts(prefix, List.of(
                attempt("wh-del", "d-del", 1, now.minusSeconds(30), Outcome.RETRYING, 500, "x", 5),
                attempt("wh-del", "d-del", 2, now.minusSeconds(20), Outcome.SUCCEEDED, 200, "x", 5)));

        JsonNode delivery = awaitJson("/api/v1/deliveries/d-del", body -> body.path("count").asInt() == 2);

        assertThat(delivery.path("webhook_id").asText()).isEqualTo("wh-del");
        assertThat(delivery.path("attempts").findValuesAsText("outcome")).containsExactly("retrying", "succeeded");
        assertThat(log.get("/api/v1/deliveries/d-del/", ADMIN_TOKEN).statusCode()).isEqualTo(200);
        assertThat(log.get("/api/v1/deliveries/unknown", ADMIN_TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldShowTheEventsTraceContextOnEveryAttempt() {
        TraceContext trace = TraceContext.of(TRACEPARENT, "congo=t61rcWkgMzE");
        TopicWriter.attempts(prefix, List.of(
                attempt("wh-trace", "d-trace", 1, now.minusSeconds(30), Outcome.RETRYING, 503, "x", 5).withTrace(trace),
                attempt("wh-trace", "d-trace", 2, now.minusSeconds(20), Outcome.SUCCEEDED, 200, "x", 5)
                        .withTrace(trace)));

        JsonNode delivery = awaitJson("/api/v1/deliveries/d-trace", body -> body.path("count").asInt() == 2);
        JsonNode responses = awaitJson("/api/v1/webhooks/wh-trace/responses",
                body -> body.path("count").asInt() == 2);

        assertThat(delivery.path("traceparent").asText()).isEqualTo(TRACEPARENT);
        assertThat(delivery.path("attempts").findValuesAsText("traceparent")).containsOnly(TRACEPARENT);
        assertThat(delivery.path("attempts").findValuesAsText("tracestate")).containsOnly("congo=t61rcWkgMzE");
        assertThat(responses.path("results").findValuesAsText("traceparent")).containsOnly(TRACEPARENT);
    }

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void shouldReportStatsWithOperationalState() {
        TopicWriter.attempts(prefix, List.of(
                attempt("wh-stats", "d-1", 1, now.minusSeconds(30), Outcome.SUCCEEDED, 200, "x", 100),
                attempt("wh-stats", "d-2", 1, now.minusSeconds(20), Outcome.DEAD, 500, "x", 300)));
        TopicWriter.operational(prefix, "wh-stats", """
                {"specversion":"1.0","id":"e1","source":"/dispatcher","type":"endpoint.disabled",
                 "data":{"webhook_id":"wh-stats","url":"https://example.com/hook","status_code":410}}""");

        JsonNode stats = awaitJson("/api/v1/webhooks/wh-stats/stats?window=1h",
                body -> body.path("total").asInt() == 2 && body.path("disabled").asBoolean());

        assertThat(stats.path("counts").path("succeeded").asInt()).isEqualTo(1);
        assertThat(stats.path("counts").path("dead").asInt()).isEqualTo(1);
        assertThat(stats.path("success_rate").asDouble()).isEqualTo(0.5);
        assertThat(stats.path("latency_ms").path("p50").asLong()).isEqualTo(100);
        assertThat(stats.path("latency_ms").path("p99").asLong()).isEqualTo(300);
        assertThat(Instant.parse(stats.path("last_success").asText())).isEqualTo(now.minusSeconds(30));
        assertThat(Instant.parse(stats.path("last_failure").path("timestamp").asText())).isEqualTo(now.minusSeconds(20));
        assertThat(stats.path("circuit_breaker").asText()).isEqualTo("closed");

        // And the query is timed, and what it read from the stores is counted
        MeterRegistry registry = log.context().getBean(MeterRegistry.class);
        assertThat(registry.get("hookline.log.query.duration").tag("query", "stats").timer().count()).isPositive();
        assertThat(registry.get("hookline.log.store.index.entries.read").functionCounter().count()
                + registry.get("hookline.log.store.records.read").functionCounter().count()).isPositive();
    }

    @Test
    void shouldAnswerHealthAndMetrics() {
        assertThat(log.get("/health", null).statusCode()).isEqualTo(200);
        assertThat(log.get("/prometheus", null).body()).contains("kafka_stream");
    }

    @Test
    void shouldPassStreamsPropertiesThroughFlat() {
        assertThat(log.context().getBean(io.hookline.log.LogSettings.class).streams())
                .containsEntry("commit.interval.ms", "1000");
    }

    private JsonNode awaitJson(String path, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> response = log.get(path, ADMIN_TOKEN);
            if (response.statusCode() != 200) {
                return false;
            }
            last[0] = json(response.body());
            return ready.test(last[0]);
        });
        return last[0];
    }

    static JsonNode json(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
