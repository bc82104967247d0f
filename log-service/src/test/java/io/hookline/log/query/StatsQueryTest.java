package io.hookline.log.query;

import static io.hookline.log.topology.Attempts.attempt;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.delivery.Outcome;
import io.hookline.log.topology.LogTopologyDriver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatsQueryTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);

    private final LogTopologyDriver driver = new LogTopologyDriver(RETENTION);
    private final StatsQuery query = new StatsQuery(new TimeBounds(Clock.fixed(NOW, ZoneOffset.UTC), RETENTION));

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldCountOutcomesAndComputeRateAndPercentilesWithinTheWindow() {
        // Given 100 attempts in the last hour with latencies 1..100 ms: 90 succeeded, 5 retrying, 3 failed, 2 dead
        for (int i = 1; i <= 100; i++) {
            Outcome outcome = i <= 90 ? Outcome.SUCCEEDED : i <= 95 ? Outcome.RETRYING : i <= 98 ? Outcome.FAILED
                    : Outcome.DEAD;
            driver.pipe(attempt("wh", "d-" + i, 1, NOW.minusSeconds(3000 - i), outcome,
                    outcome == Outcome.SUCCEEDED ? 200 : 500, "x", i));
        }
        // and one older than the window
        driver.pipe(attempt("wh", "old", 1, NOW.minus(Duration.ofHours(2)), Outcome.DEAD, 500, "x", 5000));

        // When
        WebhookStats stats = query.stats(driver.view(), "wh", "1h", Duration.ofHours(1));

        // Then
        assertThat(stats.total()).isEqualTo(100);
        assertThat(stats.counts()).containsEntry("succeeded", 90L).containsEntry("retrying", 5L)
                .containsEntry("failed", 3L).containsEntry("dead", 2L);
        assertThat(stats.successRate()).isEqualTo(0.9);
        assertThat(stats.latencyMs().p50()).isEqualTo(50);
        assertThat(stats.latencyMs().p95()).isEqualTo(95);
        assertThat(stats.latencyMs().p99()).isEqualTo(99);
        assertThat(stats.latencyMs().max()).isEqualTo(100);
        assertThat(stats.lastSuccess()).isEqualTo(NOW.minusSeconds(3000 - 90).toString());
        assertThat(stats.lastFailure().deliveryId()).isEqualTo("d-100");
        assertThat(stats.lastFailure().outcome()).isEqualTo(Outcome.DEAD);
        assertThat(stats.window()).isEqualTo("1h");
    }

    @Test
    void shouldAnswerEmptyStatsWithoutAttempts() {
        WebhookStats stats = query.stats(driver.view(), "none", "1h", Duration.ofHours(1));

        assertThat(stats.total()).isZero();
        assertThat(stats.successRate()).isNull();
        assertThat(stats.latencyMs().p50()).isNull();
        assertThat(stats.lastSuccess()).isNull();
        assertThat(stats.lastFailure()).isNull();
        assertThat(stats.circuitBreaker()).isEqualTo("closed");
        assertThat(stats.disabled()).isFalse();
    }

    @Test
    void shouldKeepLastSuccessAndFailureBeyondTheWindow() {
        driver.pipe(attempt("wh", "ok", 1, NOW.minus(Duration.ofDays(3)), Outcome.SUCCEEDED, 200, "x", 10));
        driver.pipe(attempt("wh", "ko", 1, NOW.minus(Duration.ofDays(2)), Outcome.FAILED, 404, "x", 10));

        WebhookStats stats = query.stats(driver.view(), "wh", "1h", Duration.ofHours(1));

        assertThat(stats.total()).isZero();
        assertThat(stats.lastSuccess()).isEqualTo(NOW.minus(Duration.ofDays(3)).toString());
        assertThat(stats.lastFailure().statusCode()).isEqualTo(404);
    }

    @Test
    void shouldShowCircuitBreakerAndDisablingFromOperationalEvents() {
        // Given the dispatcher opened the circuit of one URL and disabled another after a 410
        driver.pipeOperational("wh", """
                {"specversion":"1.0","id":"1","source":"/dispatcher","type":"endpoint.disabled",
                 "data":{"webhook_id":"wh","url":"https://a.example","reason":"circuit open"}}""", NOW.minusSeconds(60));
        driver.pipeOperational("wh", """
                {"specversion":"1.0","id":"2","source":"/dispatcher","type":"io.hookline.endpoint.disabled",
                 "time":"2026-11-22T11:59:30Z",
                 "data":{"webhookId":"wh","url":"https://b.example","status_code":410,"reason":"410 Gone"}}""",
                NOW.minusSeconds(30));
        driver.pipeOperational("wh", """
                {"specversion":"1.0","id":"3","source":"/dispatcher","type":"attempt.exhausted",
                 "data":{"webhook_id":"wh","url":"https://a.example","delivery_id":"d-7","error":"timeout"}}""",
                NOW.minusSeconds(20));

        // When
        WebhookStats stats = query.stats(driver.view(), "wh", "1h", Duration.ofHours(1));

        // Then
        assertThat(stats.circuitBreaker()).isEqualTo("open");
        assertThat(stats.disabled()).isTrue();
        assertThat(stats.disabledReason()).isEqualTo("410 Gone");
        assertThat(stats.endpoints()).hasSize(2);
        assertThat(stats.lastExhausted().deliveryId()).isEqualTo("d-7");
        assertThat(stats.lastExhausted().error()).isEqualTo("timeout");
    }

    @Test
    void shouldCloseTheCircuitAndClearDisablingWhenRecovered() {
        driver.pipeOperational("wh", """
                {"type":"endpoint.disabled","data":{"webhook_id":"wh","url":"https://b.example","status_code":410}}""",
                NOW.minusSeconds(60));
        driver.pipeOperational("wh", """
                {"type":"endpoint.recovered","data":{"webhook_id":"wh","url":"https://b.example"}}""",
                NOW.minusSeconds(30));
        driver.pipeOperational("wh", "garbage", NOW.minusSeconds(20));
        driver.pipeOperational("wh", "{\"type\":\"something.else\",\"data\":{}}", NOW.minusSeconds(10));

        WebhookStats stats = query.stats(driver.view(), "wh", "1h", Duration.ofHours(1));

        assertThat(stats.circuitBreaker()).isEqualTo("closed");
        assertThat(stats.disabled()).isFalse();
        assertThat(stats.endpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.url()).isEqualTo("https://b.example");
            assertThat(endpoint.since()).isEqualTo(NOW.minusSeconds(30));
        });
    }
}
