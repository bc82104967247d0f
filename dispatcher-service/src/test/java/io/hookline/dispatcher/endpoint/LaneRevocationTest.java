package io.hookline.dispatcher.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.delivery.DeliveryJob;
import org.junit.jupiter.api.Test;

/** Jobs of a partition this instance lost are left to its new owner: never sent, run again or put aside here. */
class LaneRevocationTest {

    private final LaneHarness harness = new LaneHarness();
    private final LaneHarness.Partition lost = new LaneHarness.Partition();
    private final LaneHarness.Partition kept = new LaneHarness.Partition();

    @Test
    void shouldDropTheWaitingJobsOfARevokedPartitionAndKeepTheOthers() {
        EndpointLane lane = harness.lane(1, 10);
        DeliveryJob inFlight = LaneHarness.job(1);
        DeliveryJob waitingLost = LaneHarness.job(2);
        DeliveryJob waitingKept = LaneHarness.job(3);
        harness.submit(lane, inFlight, lost);
        harness.submit(lane, waitingLost, lost);
        harness.submit(lane, waitingKept, kept);

        lost.revoke();
        assertThat(lane.dropRevoked()).isEqualTo(1);
        harness.attempts.call(0).succeed();

        assertThat(harness.attempts.sentIds()).containsExactly(inFlight.deliveryId(), waitingKept.deliveryId());
        harness.attempts.call(1).succeed();
        assertThat(lane.queued()).isZero();
        assertThat(lane.retireIfIdleSince(harness.time.nanoTime() + 1)).as("nothing left unfinished").isTrue();
    }

    @Test
    void shouldNotRunAnAttemptAgainAfterItsPartitionWasRevoked() {
        EndpointLane lane = harness.lane(1, 10);
        DeliveryJob job = LaneHarness.job(1);
        harness.submit(lane, job, lost);

        lost.revoke();
        harness.attempts.call(0).failToRecord();
        harness.time.advance(LaneHarness.DEFER_DELAY.multipliedBy(3));

        assertThat(harness.attempts.calls()).hasSize(1);
        assertThat(harness.done()).isEmpty();
    }

    @Test
    void shouldNotPutAsideAJobAfterItsPartitionWasRevoked() {
        EndpointLane lane = harness.lane(1, 0);
        harness.deferrals.writes.failNext(1);
        DeliveryJob job = LaneHarness.job(1);
        harness.submit(lane, job, lost);

        lost.revoke();
        harness.time.advance(LaneHarness.DEFER_DELAY.multipliedBy(3));

        assertThat(harness.deferrals.written()).isEmpty();
        assertThat(harness.deferrals.writes.attempted()).isEqualTo(1);
        assertThat(harness.done()).isEmpty();
    }

    @Test
    void shouldFreeTheSubjectWhenAHoldCannotBeWrittenBeforeThePartitionGoes() {
        EndpointLane lane = harness.lane(10, 10);
        DeliveryJob first = LaneHarness.ordered("INC-1", 1);
        DeliveryJob second = LaneHarness.ordered("INC-1", 2);
        harness.submit(lane, first, lost);
        harness.holds.writes.failNext(1);
        harness.attempts.call(0).failWithRetryAt(harness.now().plusSeconds(60));

        lost.revoke();
        harness.time.advance(LaneHarness.DEFER_DELAY);
        harness.submit(lane, second, kept);

        assertThat(harness.holds.writes.attempted()).isEqualTo(1);
        assertThat(harness.attempts.sentIds()).containsExactly(first.deliveryId(), second.deliveryId());
    }
}
