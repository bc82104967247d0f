package io.hookline.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimeTest {

    private static final long WRITTEN = Instant.parse("2026-11-28T12:00:00Z").toEpochMilli();

    @Test
    void shouldTakeTheCloudEventTimeWithItsOffset() {
        assertThat(EventTime.of("2026-11-28T13:00:00.250+02:00", WRITTEN))
                .isEqualTo(Instant.parse("2026-11-28T11:00:00.250Z"));
    }

    @Test
    void shouldFallBackToWhenTheEventWasWrittenWithoutAReadableTime() {
        assertThat(EventTime.of(null, WRITTEN)).isEqualTo(Instant.ofEpochMilli(WRITTEN));
        assertThat(EventTime.of("", WRITTEN)).isEqualTo(Instant.ofEpochMilli(WRITTEN));
        assertThat(EventTime.of("yesterday", WRITTEN)).isEqualTo(Instant.ofEpochMilli(WRITTEN));
    }
}
