package io.hookline.dispatcher.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionOffsetsTest {

    @Test
    void shouldCommitOnlyBelowTheLowestUnfinishedOffset() {
        // Given three jobs taken, the later two finished first (a slow endpoint holds the first)
        PartitionOffsets offsets = new PartitionOffsets();
        offsets.started(10);
        offsets.started(11);
        offsets.started(12);
        offsets.finished(11);
        offsets.finished(12);

        // Then nothing past the unfinished job is committed
        assertThat(offsets.toCommit()).hasValue(10);

        // When it finishes, everything is
        offsets.finished(10);
        assertThat(offsets.toCommit()).hasValue(13);
    }

    @Test
    void shouldNotCommitTheSameOffsetTwiceOrBeforeAnythingWasTaken() {
        PartitionOffsets offsets = new PartitionOffsets();
        assertThat(offsets.toCommit()).isEmpty();

        offsets.started(5);
        offsets.finished(5);
        offsets.committed(offsets.toCommit().orElseThrow());

        assertThat(offsets.toCommit()).isEmpty();
    }
}
