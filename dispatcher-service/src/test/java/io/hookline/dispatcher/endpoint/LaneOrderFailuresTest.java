package io.hookline.dispatcher.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.webhook.Ordering;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Per-subject order when Hookline's own writes fail: a job whose outcome, hold or deferral is not written yet keeps
 * its subject busy, so the next event of the subject cannot overtake it.
 */
class LaneOrderFailuresTest {

    private final LaneHarness harness = new LaneHarness();
    private final EndpointLane lane = harness.lane(10, 10);
    private final DeliveryJob first = LaneHarness.ordered("INC-1", 1);
    private final DeliveryJob second = LaneHarness.ordered("INC-1", 2);

    @Test
    void shouldKeepTheSubjectBusyUntilAFailedAttemptHasRunAgain() {
        harness.submit(lane, first);
        harness.submit(lane, second);

        // The retry record (or attempt log) write of the first is refused
        harness.attempts.call(0).failToRecord();

        assertThat(harness.attempts.sentIds()).containsExactly(first.deliveryId());
        harness.time.advance(LaneHarness.DEFER_DELAY);
        assertThat(harness.attempts.sentIds()).containsExactly(first.deliveryId(), first.deliveryId());
        harness.attempts.call(1).succeed();
        assertThat(harness.attempts.sentIds()).containsExactly(first.deliveryId(), first.deliveryId(),
                second.deliveryId());
    }

    @Test
    void shouldKeepTheSubjectBusyUntilTheHoldOfARetryIsWritten() {
        Instant retryAt = harness.now().plusSeconds(60);
        harness.submit(lane, first);
        harness.submit(lane, second);
        harness.holds.writes.failNext(2);

        harness.attempts.call(0).failWithRetryAt(retryAt);

        assertThat(harness.attempts.sentIds()).containsExactly(first.deliveryId());
        assertThat(harness.deferrals.written()).isEmpty();
        harness.time.advance(LaneHarness.DEFER_DELAY.multipliedBy(2));
        assertThat(harness.holds.isHeld(first)).isTrue();
        // Only the hold is written again: the attempt itself is not repeated
        assertThat(harness.attempts.sentIds()).containsExactly(first.deliveryId());
        assertThat(harness.deferrals.written()).containsExactly(new FakeDeferrals.Deferral(second, retryAt));
        assertThat(harness.done()).containsExactlyInAnyOrder(first.deliveryId(), second.deliveryId());
    }

    @Test
    void shouldKeepTheSubjectBusyUntilTheHoldOfAPutAsideJobIsWritten() {
        harness.circuit.transitionToOpenState();
        harness.holds.writes.failNext(1);
        harness.submit(lane, first);
        harness.circuit.transitionToClosedState();

        harness.submit(lane, second);

        assertThat(harness.attempts.calls()).isEmpty();
        harness.time.advance(LaneHarness.DEFER_DELAY);
        assertThat(harness.holds.isHeld(first)).isTrue();
        assertThat(harness.attempts.calls()).isEmpty();
        assertThat(harness.deferrals.deferredIds()).containsExactly(first.deliveryId(), second.deliveryId());
    }

    @Test
    void shouldNotLeaveAJobsHoldBehindWhenItsReleaseFailsOnce() {
        Instant retryAt = harness.now().plusSeconds(60);
        harness.submit(lane, first);
        harness.attempts.call(0).failWithRetryAt(retryAt);
        DeliveryJob retry = first.nextAttempt(retryAt, "HTTP 500");
        harness.time.advance(java.time.Duration.ofSeconds(60));
        harness.submit(lane, retry);
        harness.holds.writes.failNext(1);

        harness.attempts.call(1).succeed();
        assertThat(harness.holds.isHeld(first)).isTrue();
        harness.submit(lane, second);

        assertThat(harness.attempts.sentIds()).containsExactly(first.deliveryId(), first.deliveryId());
        harness.time.advance(LaneHarness.DEFER_DELAY);
        assertThat(harness.holds.isHeld(first)).isFalse();
        assertThat(harness.attempts.sentIds()).containsExactly(first.deliveryId(), first.deliveryId(),
                second.deliveryId());
    }

    @Test
    void shouldOrderASubjectWithinEachDomainEventsPartitionOnly() {
        DeliveryJob fromPartition0 = LaneHarness.job("INC-1", 0, 5, Ordering.SUBJECT);
        DeliveryJob laterFromPartition0 = LaneHarness.job("INC-1", 0, 7, Ordering.SUBJECT);
        DeliveryJob fromPartition1 = LaneHarness.job("INC-1", 1, 3, Ordering.SUBJECT);

        harness.submit(lane, fromPartition0);
        harness.submit(lane, laterFromPartition0);
        harness.submit(lane, fromPartition1);

        // Kafka orders nothing across partitions: the other partition's event is not kept back, the same one's is
        assertThat(harness.attempts.sentIds()).containsExactly(fromPartition0.deliveryId(),
                fromPartition1.deliveryId());
        harness.attempts.call(1).failWithRetryAt(harness.now().plusSeconds(60));
        harness.attempts.call(0).succeed();
        assertThat(harness.attempts.sentIds()).containsExactly(fromPartition0.deliveryId(),
                fromPartition1.deliveryId(), laterFromPartition0.deliveryId());
    }
}
