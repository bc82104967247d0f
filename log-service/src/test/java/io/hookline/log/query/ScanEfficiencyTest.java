package io.hookline.log.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.delivery.Outcome;
import io.hookline.log.topology.Attempts;
import io.hookline.log.topology.LogTopologyDriver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** 100,000 attempts over 200 webhooks: a page of one webhook reads that webhook's entries only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanEfficiencyTest {

    private static final Logger LOG = LoggerFactory.getLogger(ScanEfficiencyTest.class);
    private static final int RECORDS = 100_000;
    private static final int WEBHOOKS = 200;
    private static final int PER_WEBHOOK = RECORDS / WEBHOOKS;
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);

    private LogTopologyDriver driver;

    @BeforeAll
    void load() {
        driver = new LogTopologyDriver(RETENTION);
        long started = System.nanoTime();
        for (int i = 0; i < RECORDS; i++) {
            String webhook = "wh-" + (i % WEBHOOKS);
            driver.pipe(Attempts.attempt(webhook, "d-" + i, 1, NOW.minusMillis(RECORDS - i),
                    i % 10 == 0 ? Outcome.FAILED : Outcome.SUCCEEDED, i % 10 == 0 ? 500 : 200, "incident.triggered",
                    i % 300));
        }
        LOG.info("Loaded {} attempts in {} ms", RECORDS, (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    void close() {
        driver.close();
    }

    @Test
    void shouldServeTheNewestPageOfOneWebhookWithoutScanningTheOthers() {
        // Given
        ResponsesQuery query = new ResponsesQuery(new TimeBounds(Clock.fixed(NOW, ZoneOffset.UTC), RETENTION));
        long indexBefore = driver.counter().indexEntries();
        long recordsBefore = driver.counter().records();

        // When
        long started = System.nanoTime();
        ResponsePage page = query.page(driver.view(), "wh-7", ResponseFilter.NONE, new PageRequest(1, 50));
        long micros = (System.nanoTime() - started) / 1_000;

        // Then: the 50 newest of wh-7, read from its own index entries (all of them, for the count) and 50 records
        long indexRead = driver.counter().indexEntries() - indexBefore;
        long recordsRead = driver.counter().records() - recordsBefore;
        LOG.info("Newest page of 50 of one webhook among {} attempts: {} us, {} index entries, {} records read",
                RECORDS, micros, indexRead, recordsRead);
        assertThat(page.items()).hasSize(50);
        assertThat(page.items().get(0).deliveryId()).isEqualTo("d-" + (RECORDS - WEBHOOKS + 7));
        assertThat(page.count()).isEqualTo(PER_WEBHOOK);
        assertThat(indexRead).isEqualTo(PER_WEBHOOK);
        assertThat(recordsRead).isEqualTo(50);
    }

    @Test
    void shouldReadOnlyTheWindowForStats() {
        StatsQuery stats = new StatsQuery(new TimeBounds(Clock.fixed(NOW, ZoneOffset.UTC), RETENTION));
        long indexBefore = driver.counter().indexEntries();

        WebhookStats result = stats.stats(driver.view(), "wh-7", "10s", Duration.ofSeconds(10));

        long indexRead = driver.counter().indexEntries() - indexBefore;
        assertThat(result.total()).isEqualTo(50);
        assertThat(indexRead).isEqualTo(50);
    }
}
