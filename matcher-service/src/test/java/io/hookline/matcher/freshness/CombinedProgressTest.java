package io.hookline.matcher.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhooks' and the subscriptions' progress as one: one answer of offsets, applied only when both are. */
class CombinedProgressTest {

    private final FakeConfigProgress webhooks = new FakeConfigProgress();
    private final FakeConfigProgress subscriptions = new FakeConfigProgress();
    private final CombinedProgress combined = new CombinedProgress(webhooks, subscriptions);

    @AfterEach
    void close() {
        combined.close();
    }

    @Test
    void shouldAnswerBothTopicsOffsetsInOneMap() {
        webhooks.committed(7);
        subscriptions.committed(3);

        assertThat(combined.committedEndOffsets()).isEqualTo(Map.of(0, 7L, -1, 3L));
        assertThat(webhooks.requests.get()).isEqualTo(1);
        assertThat(subscriptions.requests.get()).isEqualTo(1);
    }

    @Test
    void shouldBeAppliedOnlyWhenBothViewsAre() {
        webhooks.applied(7);
        subscriptions.applied(2);

        assertThat(combined.awaitApplied(Map.of(0, 7L, -1, 3L), Duration.ofMillis(50))).isFalse();
        subscriptions.applied(3);
        assertThat(combined.awaitApplied(Map.of(0, 7L, -1, 3L), Duration.ofMillis(50))).isTrue();
        assertThat(combined.awaitApplied(Map.of(0, 8L, -1, 3L), Duration.ofMillis(50))).isFalse();
    }

    @Test
    void shouldFailWhenEitherKafkaAnswerFailsAndStopReadingWhenEitherViewStops() {
        subscriptions.kafkaFails(new IllegalStateException("no answer"));
        assertThatThrownBy(combined::committedEndOffsets).hasMessage("no answer");

        assertThat(combined.isReading()).isTrue();
        subscriptions.stopReading();
        assertThat(combined.isReading()).isFalse();
    }
}
