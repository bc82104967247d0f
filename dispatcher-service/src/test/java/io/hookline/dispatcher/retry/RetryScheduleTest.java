package io.hookline.dispatcher.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.topic.RetryTier;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @ParameterizedTest
    @CsvSource({"1, SECONDS_10, PT10S", "2, MINUTE_1, PT1M", "3, MINUTES_10, PT10M", "4, HOUR_1, PT1H",
            "5, HOURS_3, PT3H", "6, HOURS_6, PT6H", "7, HOURS_12, PT12H", "8, HOURS_24, PT24H"})
    void shouldUseTheTierOfEachRetryWithoutJitterAtTheMiddle(int failedAttempt, RetryTier tier, Duration delay) {
        // Given a random source in the middle of its range: no jitter
        RetrySchedule schedule = new RetrySchedule(1.0, Duration.ofHours(1), () -> 0.5);

        // When
        RetryPlan plan = schedule.afterFailure(job(failedAttempt, 8), Optional.empty(), NOW).orElseThrow();

        // Then
        assertThat(plan.tier()).isEqualTo(tier);
        assertThat(plan.dueAt()).isEqualTo(NOW.plus(delay));
    }

    @Test
    void shouldJitterByAtMostTwentyPercentEitherWay() {
        RetrySchedule lowest = new RetrySchedule(1.0, Duration.ofHours(1), () -> 0.0);
        RetrySchedule highest = new RetrySchedule(1.0, Duration.ofHours(1), () -> 1.0);
        RetrySchedule random = new RetrySchedule(1.0, Duration.ofHours(1));

        assertThat(lowest.jittered(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(8));
        assertThat(highest.jittered(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(12));
        for (int i = 0; i < 1000; i++) {
            assertThat(random.jittered(Duration.ofSeconds(10))).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
        }
    }

    @Test
    void shouldScaleDelaysForTests() {
        RetrySchedule scaled = new RetrySchedule(0.01, Duration.ofHours(1), () -> 0.5);

        RetryPlan plan = scaled.afterFailure(job(2, 3), Optional.empty(), NOW).orElseThrow();

        assertThat(plan.tier()).isEqualTo(RetryTier.MINUTE_1);
        assertThat(plan.dueAt()).isEqualTo(NOW.plusMillis(600));
    }

    @Test
    void shouldGiveUpAfterTheLastAllowedRetry() {
        RetrySchedule schedule = new RetrySchedule(1.0, Duration.ofHours(1));

        assertThat(schedule.afterFailure(job(3, 3), Optional.empty(), NOW)).isPresent();
        assertThat(schedule.afterFailure(job(4, 3), Optional.empty(), NOW)).isEmpty();
        assertThat(schedule.afterFailure(job(1, 0), Optional.empty(), NOW)).isEmpty();
    }

    @Test
    void shouldHonourRetryAfterInTheFirstTierThatWaitsLongEnoughAndCapItAtAnHour() {
        RetrySchedule schedule = new RetrySchedule(1.0, Duration.ofHours(1));

        RetryPlan shortWait = schedule.afterFailure(job(1, 3), Optional.of(Duration.ofSeconds(30)), NOW).orElseThrow();
        RetryPlan longWait = schedule.afterFailure(job(1, 3), Optional.of(Duration.ofHours(5)), NOW).orElseThrow();

        assertThat(shortWait.tier()).isEqualTo(RetryTier.MINUTE_1);
        assertThat(shortWait.dueAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(longWait.tier()).isEqualTo(RetryTier.HOUR_1);
        assertThat(longWait.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void shouldReadRetryAfterSecondsAndDates() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Sun, 22 Nov 2026 10:01:00 GMT", NOW)).contains(Duration.ofMinutes(1));
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }

    private static DeliveryJob job(int attempt, int maxRetries) {
        return new DeliveryJob("d", "w", 1, "default", "https://example.test", "POST", null, "{}", "e", "t", null,
                null, null, "0:1", null, attempt, maxRetries, 1000, NOW, null, null, null);
    }
}
