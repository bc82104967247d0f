package io.hookline.log.query;

import static io.hookline.log.topology.Attempts.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.log.topology.LogTopologyDriver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private static final Duration RETENTION = Duration.ofHours(1);
    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

    private final LogTopologyDriver driver = new LogTopologyDriver(RETENTION);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldDropAttemptsOlderThanRetentionOnceNewerOnesArrive() {
        // Given an old attempt, then traffic two retention periods later
        driver.pipe(succeeded("wh", "old", T0));
        driver.pipe(succeeded("wh", "new", T0.plus(RETENTION.multipliedBy(2))));

        // When read with a clock that would still keep the old one
        ResponsesQuery query = new ResponsesQuery(new TimeBounds(Clock.fixed(T0, ZoneOffset.UTC), Duration.ofDays(365)));
        ResponsePage page = query.page(driver.view(), "wh", ResponseFilter.NONE, new PageRequest(1, 50));

        // Then the store itself no longer has it (its segment expired), nor its record by delivery id
        assertThat(page.items()).extracting(ResponseItem::deliveryId).containsExactly("new");
        assertThat(driver.view().delivery("old", Instant.EPOCH, T0.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void shouldHideAttemptsOlderThanRetentionWithoutNewTraffic() {
        // Given one attempt and nothing after it
        driver.pipe(succeeded("wh", "only", T0));

        // When read 30 minutes and 2 hours later
        ResponsePage within = pageAt(T0.plus(Duration.ofMinutes(30)));
        ResponsePage after = pageAt(T0.plus(Duration.ofHours(2)));

        // Then
        assertThat(within.count()).isEqualTo(1);
        assertThat(after.count()).isZero();
    }

    @Test
    void shouldNotStoreAnAttemptThatArrivesAlreadyExpired() {
        driver.pipe(succeeded("wh", "new", T0.plus(Duration.ofHours(5))));
        driver.pipe(succeeded("wh", "late", T0));

        ResponsesQuery query = new ResponsesQuery(new TimeBounds(Clock.fixed(T0, ZoneOffset.UTC), Duration.ofDays(365)));

        assertThat(query.page(driver.view(), "wh", ResponseFilter.NONE, new PageRequest(1, 50)).items())
                .extracting(ResponseItem::deliveryId).containsExactly("new");
    }

    private ResponsePage pageAt(Instant now) {
        return new ResponsesQuery(new TimeBounds(Clock.fixed(now, ZoneOffset.UTC), RETENTION))
                .page(driver.view(), "wh", ResponseFilter.NONE, new PageRequest(1, 50));
    }
}
