package io.hookline.log.query;

import static io.hookline.log.topology.Attempts.attempt;
import static io.hookline.log.topology.Attempts.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.contracts.delivery.Outcome;
import io.hookline.log.topology.LogTopologyDriver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResponsesQueryTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);

    private final LogTopologyDriver driver = new LogTopologyDriver(RETENTION);
    private final ResponsesQuery query = new ResponsesQuery(new TimeBounds(Clock.fixed(NOW, ZoneOffset.UTC), RETENTION));

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldMaterializeAttemptsOfOneWebhookNewestFirstInOnCallShape() {
        // Given attempts of two webhooks, out of time order
        driver.pipe(succeeded("wh-a", "d-2", NOW.minusSeconds(20)));
        driver.pipe(attempt("wh-a", "d-1", 2, NOW.minusSeconds(30), Outcome.DEAD, 500, "incident.resolved", 80));
        driver.pipe(succeeded("wh-b", "d-3", NOW.minusSeconds(10)));
        driver.pipe(succeeded("wh-a", "d-4", NOW.minusSeconds(5)));

        // When
        ResponsePage page = query.page(driver.view(), "wh-a", ResponseFilter.NONE, new PageRequest(1, 50));

        // Then
        assertThat(page.items()).extracting(ResponseItem::deliveryId).containsExactly("d-4", "d-2", "d-1");
        assertThat(page.count()).isEqualTo(3);
        ResponseItem dead = page.items().get(2);
        assertThat(dead.timestamp()).isEqualTo(NOW.minusSeconds(30).toString());
        assertThat(dead.url()).isEqualTo("https://example.com/hook");
        assertThat(dead.requestTrigger()).isEqualTo("escalation");
        assertThat(dead.requestHeaders()).contains("\"Authorization\":\"****************\"");
        assertThat(dead.requestData()).isEqualTo("{\"n\":2}");
        assertThat(dead.statusCode()).isEqualTo(500);
        assertThat(dead.content()).isEqualTo("ok");
        assertThat(dead.eventData()).isEqualTo("{\"type\":\"incident.resolved\"}");
        assertThat(dead.eventId()).isEqualTo("evt-d-1");
        assertThat(dead.eventType()).isEqualTo("incident.resolved");
        assertThat(dead.attempt()).isEqualTo(2);
        assertThat(dead.outcome()).isEqualTo("dead");
        assertThat(dead.durationMs()).isEqualTo(80);
        assertThat(dead.error()).isEqualTo("HTTP 500");
        assertThat(dead.webhookId()).isEqualTo("wh-a");
        assertThat(dead.httpMethod()).isEqualTo("POST");
    }

    @Test
    void shouldAnswerAnEmptyPageForAWebhookWithoutAttempts() {
        driver.pipe(succeeded("wh-a", "d-1", NOW.minusSeconds(20)));

        ResponsePage page = query.page(driver.view(), "wh-a1", ResponseFilter.NONE, new PageRequest(1, 50));

        assertThat(page.items()).isEmpty();
        assertThat(page.count()).isZero();
        assertThat(page.totalPages()).isEqualTo(1);
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void shouldFilterByOutcomeStatusEventTypeAndTime() {
        // Given
        driver.pipe(attempt("wh", "d-1", 1, NOW.minusSeconds(50), Outcome.RETRYING, 503, "incident.triggered", 10));
        driver.pipe(attempt("wh", "d-1", 2, NOW.minusSeconds(40), Outcome.SUCCEEDED, 200, "incident.triggered", 10));
        driver.pipe(attempt("wh", "d-2", 1, NOW.minusSeconds(30), Outcome.FAILED, 400, "incident.resolved", 10));
        driver.pipe(attempt("wh", "d-3", 1, NOW.minusSeconds(20), Outcome.RETRYING, 503, "incident.resolved", 10));

        // When / Then
        assertThat(ids(new ResponseFilter(Outcome.RETRYING, null, null, null, null))).containsExactly("d-3#1", "d-1#1");
        assertThat(ids(new ResponseFilter(null, 400, null, null, null))).containsExactly("d-2#1");
        assertThat(ids(new ResponseFilter(null, null, "incident.triggered", null, null)))
                .containsExactly("d-1#2", "d-1#1");
        assertThat(ids(new ResponseFilter(null, null, null, NOW.minusSeconds(40), null)))
                .containsExactly("d-3#1", "d-2#1", "d-1#2");
        assertThat(ids(new ResponseFilter(null, null, null, null, NOW.minusSeconds(40)))).containsExactly("d-1#2", "d-1#1");
        assertThat(ids(new ResponseFilter(Outcome.RETRYING, 503, "incident.resolved", NOW.minusSeconds(25),
                NOW.minusSeconds(15)))).containsExactly("d-3#1");
        assertThat(ids(new ResponseFilter(Outcome.DEAD, null, null, null, null))).isEmpty();
    }

    @Test
    void shouldDropDuplicateAttemptsAndKeepDistinctOnesAtTheSameMillisecond() {
        // Given the log delivered one record twice, and two deliveries at the same time
        Instant same = NOW.minusSeconds(10);
        driver.pipe(succeeded("wh", "d-1", same));
        driver.pipe(succeeded("wh", "d-1", same));
        driver.pipe(succeeded("wh", "d-2", same));

        // When
        ResponsePage page = query.page(driver.view(), "wh", ResponseFilter.NONE, new PageRequest(1, 50));

        // Then
        assertThat(page.count()).isEqualTo(2);
        assertThat(page.items()).extracting(ResponseItem::deliveryId).containsExactlyInAnyOrder("d-1", "d-2");
    }

    @Test
    void shouldPageThroughAttemptsWithCorrectEdges() {
        // Given 7 attempts, one second apart
        IntStream.range(0, 7).forEach(i -> driver.pipe(succeeded("wh", "d-" + i, NOW.minusSeconds(100 - i))));

        // When
        ResponsePage first = query.page(driver.view(), "wh", ResponseFilter.NONE, new PageRequest(1, 3));
        ResponsePage last = query.page(driver.view(), "wh", ResponseFilter.NONE, new PageRequest(3, 3));
        ResponsePage beyond = query.page(driver.view(), "wh", ResponseFilter.NONE, new PageRequest(4, 3));
        ResponsePage exact = query.page(driver.view(), "wh", ResponseFilter.NONE, new PageRequest(1, 7));

        // Then
        assertThat(first.items()).extracting(ResponseItem::deliveryId).containsExactly("d-6", "d-5", "d-4");
        assertThat(first.count()).isEqualTo(7);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrevious()).isFalse();
        assertThat(last.items()).extracting(ResponseItem::deliveryId).containsExactly("d-0");
        assertThat(last.hasNext()).isFalse();
        assertThat(last.hasPrevious()).isTrue();
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.count()).isEqualTo(7);
        assertThat(exact.totalPages()).isEqualTo(1);
        assertThat(exact.hasNext()).isFalse();
    }

    @Test
    void shouldRejectPagesOutOfRange() {
        assertThatThrownBy(() -> new PageRequest(0, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageRequest(1, 501)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageRequest(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldFindEveryAttemptOfOneDeliveryOldestFirst() {
        driver.pipe(attempt("wh", "d-1", 1, NOW.minusSeconds(50), Outcome.RETRYING, 503, "x", 10));
        driver.pipe(attempt("wh", "d-1", 2, NOW.minusSeconds(40), Outcome.SUCCEEDED, 200, "x", 10));
        driver.pipe(succeeded("wh", "d-2", NOW.minusSeconds(30)));

        var attempts = driver.view().delivery("d-1", NOW.minus(RETENTION), NOW);

        assertThat(attempts).extracting(a -> a.attempt()).containsExactly(1, 2);
        assertThat(driver.view().delivery("d-9", NOW.minus(RETENTION), NOW)).isEmpty();
    }

    @Test
    void shouldSkipUnreadableRecordsAndGoOn() {
        driver.pipeRaw("wh", "not json".getBytes());
        driver.pipeRaw("wh", "{\"webhook_id\":\"wh\"}".getBytes());
        driver.pipe(succeeded("wh", "d-1", NOW.minusSeconds(5)));

        ResponsePage page = query.page(driver.view(), "wh", ResponseFilter.NONE, new PageRequest(1, 50));

        assertThat(page.items()).extracting(ResponseItem::deliveryId).containsExactly("d-1");
    }

    private java.util.List<String> ids(ResponseFilter filter) {
        return query.page(driver.view(), "wh", filter, new PageRequest(1, 50)).items().stream()
                .map(item -> item.deliveryId() + "#" + item.attempt()).toList();
    }
}
