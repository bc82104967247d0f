package io.hookline.dispatcher.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.hookline.contracts.delivery.DeliveryJob;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    void shouldSendTheNextRequestOnceTheEndpointAnsweredWhileTheOutcomeIsStillBeingWritten() {
        EndpointLane lane = harness.lane(1, 10);
        DeliveryJob first = LaneHarness.job(1);
        DeliveryJob second = LaneHarness.job(2);
        harness.submit(lane, first);
        harness.submit(lane, second);

        harness.attempts.call(0).answer();

        assertThat(harness.attempts.sentIds()).containsExactly(first.deliveryId(), second.deliveryId());
        assertThat(lane.inFlight()).isEqualTo(1);
        assertThat(harness.done()).isEmpty();
        harness.attempts.call(0).succeed();
        assertThat(harness.done()).containsExactly(first.deliveryId());
        assertThat(lane.inFlight()).isEqualTo(1);
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
        // One job ahead at the optimistic rate of a lane with no answer yet: back at the next tick, not in 5 s.
        assertThat(harness.deferrals.written()).containsExactly(
                new FakeDeferrals.Deferral(third, harness.now().plusMillis(50)));
        assertThat(harness.done()).containsExactly(third.deliveryId());
    }

    @Test
    void shouldBringJobsPutAsideBackAtTheEndpointsPaceInsteadOfAfterAFixedDelay() {
        EndpointLane lane = harness.lane(2, 4);
        harness.submit(lane, LaneHarness.job(1));
        harness.submit(lane, LaneHarness.job(2));
        harness.time.advance(Duration.ofMillis(10));
        harness.attempts.call(0).succeed();
        harness.attempts.call(1).succeed();
        Instant burst = harness.now();

        // 2 in flight, 4 queued, 10 aside; at 2 requests per 10 ms the lane takes 200 a second
        for (int i = 3; i < 19; i++) {
            harness.submit(lane, LaneHarness.job(i));
        }

        List<Instant> dueAt = harness.deferrals.written().stream().map(FakeDeferrals.Deferral::dueAt).toList();
        assertThat(dueAt).hasSize(10).isSorted();
        // Half the queue (2 jobs) ahead of the first, 5 ms for each after it: 10..55 ms, in 50 ms ticks
        assertThat(dueAt.get(0)).isEqualTo(burst.plusMillis(50));
        assertThat(dueAt.get(9)).isEqualTo(burst.plusMillis(100));
    }

    @Test
    void shouldDrainABurstAsFastAsTheEndpointAnswersWhileJobsWaitOutsideTheQueue() {
        EndpointLane lane = harness.lane(2, 4);
        Set<String> burst = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            DeliveryJob job = LaneHarness.job(i);
            burst.add(job.deliveryId());
            harness.submit(lane, job);
        }
        Instant start = harness.now();

        // The endpoint answers each round of requests in 10 ms of the fake clock; jobs put aside come back when due,
        // as the consumer brings them back
        Set<String> delivered = new HashSet<>();
        int answered = 0;
        int returned = 0;
        int rounds = 0;
        for (; rounds < 1000 && !delivered.containsAll(burst); rounds++) {
            harness.time.advance(Duration.ofMillis(10));
            List<FakeAttempts.Call> calls = harness.attempts.calls();
            for (; answered < calls.size(); answered++) {
                delivered.add(calls.get(answered).job().deliveryId());
            }
            calls.subList(calls.size() - lane.inFlight(), calls.size()).forEach(FakeAttempts.Call::succeed);
            List<FakeDeferrals.Deferral> aside = harness.deferrals.written();
            for (; returned < aside.size() && !aside.get(returned).dueAt().isAfter(harness.now()); returned++) {
                harness.submit(lane, aside.get(returned).job());
            }
        }

        assertThat(delivered).containsAll(burst);
        assertThat(harness.attempts.calls()).hasSize(100);
        // Nothing waited for the fixed defer delay: 100 jobs, 2 at a time, take 50 rounds and a few for the ticks
        // at which put-aside jobs come back (parking them for the defer delay would take 500 rounds)
        assertThat(harness.deferrals.written()).extracting(FakeDeferrals.Deferral::dueAt)
                .allSatisfy(dueAt -> assertThat(dueAt).isBefore(start.plus(LaneHarness.DEFER_DELAY)));
        assertThat(rounds).isLessThan(100);
    }

    @Test
    void shouldPutJobsAsideForLongerWhileTheEndpointStopsAnswering() {
        EndpointLane lane = harness.lane(2, 4);
        for (int i = 0; i < 6; i++) {
            harness.submit(lane, LaneHarness.job(i));
        }
        harness.time.advance(Duration.ofSeconds(20));

        DeliveryJob late = LaneHarness.job(7);
        harness.submit(lane, late);

        // Two requests out for 20 s: at most 0.1 a second, so 10 s and more per job ahead: no spinning through Kafka
        assertThat(harness.deferrals.written()).extracting(FakeDeferrals.Deferral::dueAt)
                .allSatisfy(dueAt -> assertThat(dueAt).isAfterOrEqualTo(harness.now().plusSeconds(10)));
        assertThat(harness.deferrals.written()).extracting(deferral -> deferral.job().deliveryId())
                .contains(late.deliveryId());
    }

    @Test
    void shouldKeepNoMoreThanItsConcurrencyInMemoryOnceTheEndpointStopsAnswering() {
        EndpointLane lane = harness.lane(2, 200);
        for (int i = 0; i < 100; i++) {
            harness.submit(lane, LaneHarness.job(i));
        }
        assertThat(lane.queued()).isEqualTo(98);

        // The endpoint has not answered for 2 s: the next job finds the lane stalled
        harness.time.advance(Duration.ofSeconds(2));
        harness.submit(lane, LaneHarness.job(100));

        // Only its concurrency waits in memory; the latest jobs went aside, none was sent or lost
        assertThat(lane.queued()).isEqualTo(2);
        assertThat(lane.inFlight()).isEqualTo(2);
        assertThat(harness.deferrals.written()).hasSize(97);
        assertThat(harness.attempts.calls()).hasSize(2);
    }

    @Test
    void shouldAskForTheNextJobToWaitInKafkaOnlyWhileFullAndAnsweringFast() {
        EndpointLane lane = harness.lane(2, 4);
        harness.submit(lane, LaneHarness.job(1));
        harness.submit(lane, LaneHarness.job(2));
        harness.time.advance(Duration.ofMillis(5));
        harness.attempts.call(0).succeed();
        harness.attempts.call(1).succeed();
        assertThat(lane.fullButDraining()).isFalse();

        // 2 requests per 5 ms: a place frees within the brief wait, so a full queue is worth waiting for
        for (int i = 3; i < 9; i++) {
            harness.submit(lane, LaneHarness.job(i));
        }
        assertThat(lane.queued()).isEqualTo(4);
        assertThat(lane.fullButDraining()).isTrue();

        // Its partition reads again only once the lane is down to less than half, so a fetch brings several jobs
        harness.time.advance(Duration.ofMillis(5));
        harness.attempts.call(2).succeed();
        harness.attempts.call(3).succeed();
        assertThat(lane.queued()).isEqualTo(2);
        assertThat(lane.fullButDraining()).isFalse();
        assertThat(lane.drainingWith(0.5)).isTrue();
        harness.time.advance(Duration.ofMillis(5));
        harness.attempts.call(4).succeed();
        assertThat(lane.drainingWith(0.5)).isFalse();
        for (int i = 9; i < 12; i++) {
            harness.submit(lane, LaneHarness.job(i));
        }
        assertThat(lane.fullButDraining()).isTrue();

        // No answer for 2 s: the lane stalls, and its jobs go aside again so the partition stays open to others
        harness.time.advance(Duration.ofSeconds(2));
        assertThat(lane.fullButDraining()).isFalse();
    }

    @Test
    void shouldNeverAskToWaitInKafkaForAnEndpointThatAnswersSlowly() {
        EndpointLane lane = harness.lane(2, 4);
        harness.submit(lane, LaneHarness.job(1));
        harness.submit(lane, LaneHarness.job(2));
        harness.time.advance(Duration.ofMillis(200));
        harness.attempts.call(0).succeed();
        harness.attempts.call(1).succeed();

        // 2 per 200 ms: 10 a second, a place every 100 ms, longer than a partition should wait
        for (int i = 3; i < 9; i++) {
            harness.submit(lane, LaneHarness.job(i));
        }

        assertThat(lane.queued()).isEqualTo(4);
        assertThat(lane.fullButDraining()).isFalse();
    }

    @Test
    void shouldQueueMoreThanTheConfiguredQueueForAnEndpointThatDrainsFast() {
        EndpointLane lane = harness.lane(2, 4, 50);
        harness.submit(lane, LaneHarness.job(1));
        harness.submit(lane, LaneHarness.job(2));
        harness.time.advance(Duration.ofMillis(100));
        harness.attempts.call(0).succeed();
        harness.attempts.call(1).succeed();

        // 2 per 100 ms drain 20 a second: that many wait in memory, the rest goes aside
        for (int i = 3; i < 40; i++) {
            harness.submit(lane, LaneHarness.job(i));
        }

        assertThat(lane.inFlight()).isEqualTo(2);
        assertThat(lane.queued()).isEqualTo(20);
        assertThat(harness.deferrals.written()).hasSize(15);
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
