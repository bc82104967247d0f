package io.hookline.dispatcher.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class OffsetLeaseTest {

    private final Queue<OffsetLease> finished = new ConcurrentLinkedQueue<>();

    @Test
    void shouldNotTouchTheOffsetsOfAPartitionAssignedAgainWhenAJobOfItsFormerOwnershipFinishes() {
        PartitionOffsets before = new PartitionOffsets();
        before.started(5);
        OffsetLease inFlight = new OffsetLease(before, 5, finished);
        before.revoke();
        PartitionOffsets again = new PartitionOffsets();
        again.started(5);

        inFlight.finished();
        finished.forEach(OffsetLease::apply);

        assertThat(inFlight.revoked()).isTrue();
        assertThat(again.toCommit()).as("the job read again still holds its offset").hasValue(5);
    }

    @Test
    void shouldFinishItsOffsetOnThePollThreadOnly() {
        PartitionOffsets offsets = new PartitionOffsets();
        offsets.started(0);
        OffsetLease lease = new OffsetLease(offsets, 0, finished);

        lease.finished();
        assertThat(offsets.toCommit()).hasValue(0);

        finished.poll().apply();
        assertThat(offsets.toCommit()).hasValue(1);
    }
}
