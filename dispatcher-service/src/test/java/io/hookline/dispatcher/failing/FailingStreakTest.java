package io.hookline.dispatcher.failing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.json.Json;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The failing-window logic, on a clock the test moves by hand. */
class FailingStreakTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Duration FIVE_DAYS = Duration.ofDays(5);

    @Test
    void shouldDisableOnlyOnceEveryAttemptFailedForTheWholeWindow() {
        FailingStreak streak = FailingStreak.none("wh-1").afterFailure(T0).afterFailure(at(Duration.ofDays(2)));

        assertThat(streak.failingSince()).isEqualTo(T0);
        assertThat(streak.hasLasted(FIVE_DAYS, null, at(FIVE_DAYS.minusSeconds(1)))).isFalse();
        assertThat(streak.hasLasted(FIVE_DAYS, null, at(FIVE_DAYS))).isTrue();
    }

    @Test
    void shouldRestartTheClockAfterASuccess() {
        FailingStreak streak = FailingStreak.none("wh-1").afterFailure(T0)
                .afterSuccess(at(Duration.ofDays(4)))
                .afterFailure(at(Duration.ofDays(4).plusHours(1)));

        assertThat(streak.failingSince()).isEqualTo(at(Duration.ofDays(4).plusHours(1)));
        assertThat(streak.hasLasted(FIVE_DAYS, null, at(Duration.ofDays(6)))).isFalse();
        assertThat(streak.hasLasted(FIVE_DAYS, null, at(Duration.ofDays(9).plusHours(1)))).isTrue();
    }

    @Test
    void shouldNotBeFailingWithoutAFailure() {
        FailingStreak streak = FailingStreak.none("wh-1").afterSuccess(T0);

        assertThat(streak.isFailing()).isFalse();
        assertThat(streak.hasLasted(Duration.ofSeconds(1), null, at(Duration.ofDays(100)))).isFalse();
    }

    @Test
    void shouldRestartTheClockWhenTheWebhookWasChangedLikeEnabledAgain() {
        FailingStreak streak = FailingStreak.none("wh-1").afterFailure(T0);
        Instant enabledAgain = at(Duration.ofDays(6));

        assertThat(streak.clockStart(enabledAgain)).contains(enabledAgain);
        assertThat(streak.hasLasted(FIVE_DAYS, enabledAgain, at(Duration.ofDays(7)))).isFalse();
        assertThat(streak.hasLasted(FIVE_DAYS, enabledAgain, at(Duration.ofDays(11)))).isTrue();
        assertThat(streak.clockStart(T0.minusSeconds(60))).contains(T0);
    }

    @Test
    void shouldIgnoreAFailureOlderThanTheLastSuccess() {
        FailingStreak streak = FailingStreak.none("wh-1").afterSuccess(at(Duration.ofMinutes(5)))
                .afterFailure(at(Duration.ofMinutes(4)));

        assertThat(streak.isFailing()).isFalse();
    }

    @Test
    void shouldKeepTheStreakWhenALateSuccessIsOlderThanIt() {
        FailingStreak streak = FailingStreak.none("wh-1").afterFailure(at(Duration.ofMinutes(5)))
                .afterSuccess(at(Duration.ofMinutes(4)));

        assertThat(streak.failingSince()).isEqualTo(at(Duration.ofMinutes(5)));
        assertThat(streak.lastSuccessAt()).isEqualTo(at(Duration.ofMinutes(4)));
    }

    @Test
    void shouldRoundTripThroughJsonWithoutDerivedFields() {
        FailingStreak streak = FailingStreak.none("wh-1").afterSuccess(T0).afterFailure(at(Duration.ofHours(1)));

        byte[] json = Json.toBytes(streak);

        assertThat(new String(json)).doesNotContain("\"failing\"");
        assertThat(Json.fromBytes(json, FailingStreak.class)).isEqualTo(streak);
    }

    private static Instant at(Duration sinceStart) {
        return T0.plus(sinceStart);
    }
}
