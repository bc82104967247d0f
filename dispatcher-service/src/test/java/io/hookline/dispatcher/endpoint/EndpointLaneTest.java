package io.hookline.dispatcher.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.hookline.contracts.delivery.DeliveryJob;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lane's queueing, rate limit, circuit, deferral, retry-later and settling, on hand-driven time. */
class EndpointLaneTest {

    private final LaneHarness harness = new LaneHarness();

    @Test
    void shouldSendAtMostMaxInFlightAndStartTheNextWhenOneIsDone() {
        EndpointLane lane = harness.lane(2, 10);
        DeliveryJob first = LaneHarness.job(1);
        DeliveryJob second = LaneHarness.job(2);
        DeliveryJob third = LaneHarness.job(3);

        harness.submit(lane, first);
        harness.submit(lane, second);
        harness.submit(lane, third);

        assertThat(harness.attempts.sentIds()).containsExactly(first.deliveryId(), second.deliveryId());
        assertThat(lane.queued()).isEqualTo(1);
        assertThat(harness.done()).isEmpty();

        harness.attempts.call(0).succeed();

        assertThat(harness.done()).containsExactly(first.deliveryId());
        assertThat(harness.attempts.sentIds()).containsExactly(first.deliveryId(), second.deliveryId(),
                third.deliveryId());
        assertThat(lane.inFlight()).isEqualTo(2);
    }

    @Test
    void shouldSpreadRequestsEvenlyToTheRateLimit() {
        EndpointLane lane = harness.rateLimit(4).lane(10, 10);
        for (int i = 0; i < 3; i++) {
            harness.submit(lane, LaneHarness.job(i));
        }
        assertThat(harness.attempts.calls()).hasSize(1);

        harness.time.advance(Duration.ofMillis(249));
        assertThat(harness.attempts.calls()).hasSize(1);

        harness.time.advance(Duration.ofMillis(1));
        assertThat(harness.attempts.calls()).hasSize(2);

        harness.time.advance(Duration.ofMillis(250));
        assertThat(harness.attempts.calls()).hasSize(3);
    }

    @Test
    void shouldNotWaitWhenTheEndpointHasNoRateLimit() {
        EndpointLane lane = harness.lane(10, 10);
        for (int i = 0; i < 9; i++) {
            harness.submit(lane, LaneHarness.job(i));
        }

        assertThat(harness.attempts.calls()).hasSize(9);
        assertThat(harness.time.pending()).isZero();
    }

    @Test
    void shouldPutJobsAsideForTheOpenDurationWhileTheCircuitIsOpen() {
        EndpointLane lane = harness.lane(10, 10);
        for (int i = 0; i < 3; i++) {
            harness.submit(lane, LaneHarness.job(i));
            harness.attempts.last().failWithRetryAt(harness.now().plusSeconds(10));
        }
        assertThat(harness.circuit.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        Instant openedAt = harness.now();

        DeliveryJob later = LaneHarness.job(3);
        harness.submit(lane, later);

        assertThat(harness.attempts.calls()).hasSize(3);
        assertThat(harness.deferrals.written()).containsExactly(
                new FakeDeferrals.Deferral(later, openedAt.plus(LaneHarness.OPEN_DURATION)));
        assertThat(harness.done()).contains(later.deliveryId());
    }

    @Test
    void shouldLetOneProbeThroughAfterTheOpenDurationAndCloseOnItsSuccess() {
        EndpointLane lane = harness.lane(10, 10);
        for (int i = 0; i < 3; i++) {
            harness.submit(lane, LaneHarness.job(i));
            harness.attempts.last().failWithRetryAt(harness.now().plusSeconds(10));
        }
        harness.time.advance(LaneHarness.OPEN_DURATION.plusMillis(1));

        harness.submit(lane, LaneHarness.job(3));
        harness.submit(lane, LaneHarness.job(4));

        assertThat(harness.attempts.calls()).hasSize(4);
        assertThat(harness.deferrals.written()).hasSize(1);
        harness.attempts.last().succeed();
        assertThat(harness.circuit.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void shouldPutAsideWhatDoesNotFitInTheQueue() {
        EndpointLane lane = harness.lane(1, 1);
        DeliveryJob third = LaneHarness.job(3);

        harness.submit(lane, LaneHarness.job(1));
        harness.submit(lane, LaneHarness.job(2));
        harness.submit(lane, third);

        assertThat(harness.attempts.calls()).hasSize(1);
        assertThat(lane.queued()).isEqualTo(1);
        assertThat(harness.deferrals.written()).containsExactly(
                new FakeDeferrals.Deferral(third, harness.now().plus(LaneHarness.DEFER_DELAY)));
        assertThat(harness.done()).containsExactly(third.deliveryId());
    }

    @Test
    void shouldTakeAJobUpAgainWhenItsDeferralCannotBeWritten() {
        EndpointLane lane = harness.lane(1, 0);
        harness.deferrals.writes.failNext(1);
        DeliveryJob job = LaneHarness.job(1);

        harness.submit(lane, job);

        assertThat(harness.done()).isEmpty();
        harness.time.advance(LaneHarness.DEFER_DELAY);
        assertThat(harness.deferrals.deferredIds()).containsExactly(job.deliveryId());
        assertThat(harness.done()).containsExactly(job.deliveryId());
    }

    @Test
    void shouldRunAnAttemptAgainLaterWhenItsOutcomeCannotBeWritten() {
        EndpointLane lane = harness.lane(1, 10);
        DeliveryJob job = LaneHarness.job(1);
        harness.submit(lane, job);

        harness.attempts.call(0).failToRecord();

        assertThat(harness.done()).isEmpty();
        assertThat(harness.attempts.calls()).hasSize(1);
        harness.time.advance(LaneHarness.DEFER_DELAY);
        assertThat(harness.attempts.sentIds()).containsExactly(job.deliveryId(), job.deliveryId());
        harness.attempts.call(1).succeed();
        assertThat(harness.done()).containsExactly(job.deliveryId());
    }

    @Test
    void shouldTryAPostponedAttemptAgainWithoutEndingItOrCountingItAgainstTheCircuit() {
        EndpointLane lane = harness.lane(1, 10);
        DeliveryJob job = LaneHarness.job(1);
        harness.submit(lane, job);

        for (int i = 0; i < 5; i++) {
            harness.attempts.last().postpone();
            harness.time.advance(LaneHarness.DEFER_DELAY);
        }

        assertThat(harness.attempts.calls()).hasSize(6);
        assertThat(harness.done()).isEmpty();
        assertThat(harness.deferrals.written()).isEmpty();
        assertThat(harness.circuit.getMetrics().getNumberOfFailedCalls()).isZero();
        harness.attempts.last().succeed();
        assertThat(harness.done()).containsExactly(job.deliveryId());
    }

    @Test
    void shouldKeepALaterJobOfTheSubjectQueuedWhileTheEarlierIsInFlight() {
        EndpointLane lane = harness.lane(10, 10);
        DeliveryJob first = LaneHarness.ordered("INC-1", 1);
        DeliveryJob second = LaneHarness.ordered("INC-1", 2);
        DeliveryJob other = LaneHarness.ordered("INC-2", 3);

        harness.submit(lane, first);
        harness.submit(lane, second);
        harness.submit(lane, other);

        assertThat(harness.attempts.sentIds()).containsExactly(first.deliveryId(), other.deliveryId());
        harness.attempts.call(0).succeed();
        assertThat(harness.attempts.sentIds()).containsExactly(first.deliveryId(), other.deliveryId(),
                second.deliveryId());
    }

    @Test
    void shouldPutALaterJobAsideUntilTheEarlierOnesRetryIsDue() {
        EndpointLane lane = harness.lane(10, 10);
        DeliveryJob first = LaneHarness.ordered("INC-1", 1);
        DeliveryJob second = LaneHarness.ordered("INC-1", 2);
        Instant retryAt = harness.now().plusSeconds(60);

        harness.submit(lane, first);
        harness.submit(lane, second);
        harness.attempts.call(0).failWithRetryAt(retryAt);

        assertThat(harness.holds.isHeld(first)).isTrue();
        assertThat(harness.attempts.sentIds()).containsExactly(first.deliveryId());
        assertThat(harness.deferrals.written()).containsExactly(new FakeDeferrals.Deferral(second, retryAt));
        assertThat(harness.done()).containsExactlyInAnyOrder(first.deliveryId(), second.deliveryId());
    }

    @Test
    void shouldRetireOnlyWhenNothingIsLeftAndNothingHappenedSince() {
        EndpointLane lane = harness.lane(10, 10);
        harness.submit(lane, LaneHarness.job(1));
        long before = harness.time.nanoTime();
        harness.time.advance(Duration.ofMinutes(1));

        assertThat(lane.retireIfIdleSince(harness.time.nanoTime())).isFalse();

        harness.attempts.call(0).succeed();
        assertThat(lane.retireIfIdleSince(before)).isFalse();
        harness.time.advance(Duration.ofMinutes(1));
        assertThat(lane.retireIfIdleSince(harness.time.nanoTime())).isTrue();
        assertThat(lane.submit(LaneHarness.job(2), harness.lease(LaneHarness.job(2), harness.partition))).isFalse();
    }
}
