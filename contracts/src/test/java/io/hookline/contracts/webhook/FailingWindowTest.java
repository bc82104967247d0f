package io.hookline.contracts.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FailingWindowTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(textBlock = """
            5d,     PT120H
            12h,    PT12H
            90m,    PT1H30M
            45s,    PT45S
            3D,     PT72H
            P5D,    PT120H
            PT12H,  PT12H
            p1dt1h, PT25H
            ' 7d ', PT168H
            """)
    void shouldParseBothForms(String text, String expected) {
        assertThat(FailingWindow.parse(text)).contains(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "d", "0d", "-1d", "1.5h", "5w", "5 d", "P", "PT0S", "PT-1H", "P5X", "five days"})
    void shouldNotParseAnythingElse(String text) {
        assertThat(FailingWindow.parse(text)).isEmpty();
        assertThat(FailingWindow.problem(text)).isPresent();
    }

    @Test
    void shouldNotParseNull() {
        assertThat(FailingWindow.parse(null)).isEmpty();
    }

    @Test
    void shouldBoundWhatTheApiAcceptsToOneMinuteAndNinetyDays() {
        assertThat(FailingWindow.problem("1m")).isEmpty();
        assertThat(FailingWindow.problem("90d")).isEmpty();
        assertThat(FailingWindow.problem("59s")).contains("must be between 1 minute and 90 days");
        assertThat(FailingWindow.problem("91d")).contains("must be between 1 minute and 90 days");
        assertThat(FailingWindow.problem("9999999999d")).contains("must be between 1 minute and 90 days");
        assertThat(FailingWindow.parse("1s")).contains(Duration.ofSeconds(1));
    }
}
