package io.hookline.matcher.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OffsetSnapshotTest {

    private static final long SKEW = 100;
    private final OffsetSnapshot snapshot = new OffsetSnapshot(10_000, 500, Map.of(0, 3L));

    @Test
    void shouldCoverAnEventSeenBeforeItWasAskedForWhateverItsTimestamp() {
        assertThat(snapshot.covers(Long.MAX_VALUE, 499, SKEW)).isTrue();
        assertThat(snapshot.covers(-1, 499, SKEW)).isTrue();
    }

    @Test
    void shouldCoverAnEventSeenLaterOnlyWhenItIsOlderThanTheSnapshotByMoreThanTheSkew() {
        assertThat(snapshot.covers(9_899, 500, SKEW)).isTrue();
        assertThat(snapshot.covers(9_900, 500, SKEW)).as("same millisecond: maybe earlier").isFalse();
        assertThat(snapshot.covers(10_050, 501, SKEW)).isFalse();
        assertThat(snapshot.covers(-1, 501, SKEW)).as("no timestamp").isFalse();
        assertThat(snapshot.covers(Long.MAX_VALUE, 501, SKEW)).isFalse();
    }
}
