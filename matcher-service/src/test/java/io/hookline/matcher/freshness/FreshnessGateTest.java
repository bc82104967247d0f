package io.hookline.matcher.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gate's logic against a fake view and a wall clock the test sets; Kafka is not involved. */
class FreshnessGateTest {

    private static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final long NOW = 1_800_000_000_000L;

    private final FakeConfigProgress view = new FakeConfigProgress();
    private final AtomicLong wallClock = new AtomicLong(NOW);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private FreshnessGate gate = gate(MAX_WAIT);

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void close() {
        gate.close();
        threads.shutdownNow();
    }

    @Test
    void shouldHoldAnEventUntilTheViewReachesOffsetsAskedForAfterIt() {
        // Given a change committed at offset 5 that the view has not read yet
        view.committed(5);
        view.applied(3);

        // When an event produced now comes
        CompletableFuture<Void> event = CompletableFuture.runAsync(() -> gate.awaitFresh(NOW), threads);

        // Then it waits for the view, and passes once the view has read the change
        await().atMost(MAX_WAIT).until(() -> view.waiting.get() == 1);
        assertThat(event).isNotDone();
        view.applied(5);
        assertThat(event).succeedsWithin(MAX_WAIT);
        assertThat(view.requests.get()).isEqualTo(1);
        assertThat(registry.get("hookline.matcher.freshness.wait").timer().count()).isEqualTo(1);
        assertThat(gate.isRunning()).isTrue();
    }

    @Test
    void shouldClearEveryEventOfOnePollWithOneSnapshot() {
        // Given the events of one poll, fetched before the gate's first request
        long fetched = System.nanoTime();

        // When they pass the gate one after the other, each within the clock skew of the snapshot
        for (int i = 0; i < 100; i++) {
            gate.awaitFresh(NOW, fetched);
        }

        // Then one request to Kafka cleared them all: the snapshot was asked for after they were fetched
        assertThat(view.requests.get()).isEqualTo(1);

        // And an event fetched later needs a newer snapshot
        gate.awaitFresh(NOW, System.nanoTime());
        assertThat(view.requests.get()).isEqualTo(2);
    }

    @Test
    void shouldCheckABacklogEventAgainstTheLastSnapshotWithoutAskingKafka() {
        gate.awaitFresh(NOW);
        assertThat(view.requests.get()).isEqualTo(1);

        // Older than the last snapshot by more than the clock skew (100 ms): no request
        gate.awaitFresh(NOW - 101);
        gate.awaitFresh(NOW - 60_000);
        assertThat(view.requests.get()).isEqualTo(1);

        // Within the clock skew of it: the snapshot may predate a change acknowledged before the event
        gate.awaitFresh(NOW - 100);
        assertThat(view.requests.get()).isEqualTo(2);
    }

    @Test
    void shouldServeEveryEventThatCameDuringARequestWithTheNextOne() {
        // Given a request in flight for a first event
        view.holdAnswers();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> gate.awaitFresh(NOW), threads);
        await().atMost(MAX_WAIT).until(() -> view.requests.get() == 1);

        // When more events come meanwhile, on several threads
        List<CompletableFuture<Void>> later = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            later.add(CompletableFuture.runAsync(() -> gate.awaitFresh(NOW), threads));
        }
        await().atMost(MAX_WAIT).until(() -> gate.waitingForOffsets() == 7);
        view.releaseAnswers();

        // Then one more request serves them all: the first one was asked before they came
        assertThat(first).succeedsWithin(MAX_WAIT);
        later.forEach(event -> assertThat(event).succeedsWithin(MAX_WAIT));
        assertThat(view.requests.get()).isEqualTo(2);
    }

    @Test
    void shouldNotWaitForeverForAnEventFromTheFuture() {
        // An event stamped an hour ahead (a producer's clock off) is cleared by a snapshot asked after it came
        gate.awaitFresh(NOW + 3_600_000);

        assertThat(view.requests.get()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnEventWhileKafkaDoesNotAnswerAndRecoverAfterwards() {
        // Given Kafka that does not answer
        gate.close();
        gate = gate(Duration.ofMillis(300));
        view.kafkaFails(new TimeoutException("no broker"));

        // Then an event is not matched, health is down, and Kafka is asked again (after a pause)
        assertThatThrownBy(() -> gate.awaitFresh(NOW)).isInstanceOf(StaleConfigException.class)
                .hasMessageContaining("end offsets").hasCauseInstanceOf(TimeoutException.class);
        assertThat(gate.isRunning()).isFalse();
        assertThat(view.requests.get()).isBetween(1, 3);

        // When Kafka answers again, the next event passes and health is back
        view.kafkaFails(null);
        gate.awaitFresh(NOW);
        assertThat(gate.isRunning()).isTrue();
    }

    @Test
    void shouldRefuseAnEventWhileTheViewLags() {
        gate.close();
        gate = gate(Duration.ofMillis(200));
        view.committed(7);

        assertThatThrownBy(() -> gate.awaitFresh(NOW)).isInstanceOf(StaleConfigException.class)
                .hasMessageContaining("did not reach");
        assertThat(gate.isRunning()).isFalse();
    }

    @Test
    void shouldRefuseEventsAndReportDownWhenTheViewStopped() {
        gate.close();
        gate = gate(Duration.ofMillis(200));
        view.stopReading();

        assertThatThrownBy(() -> gate.awaitFresh(NOW)).isInstanceOf(StaleConfigException.class)
                .hasMessageContaining("stopped");
        assertThat(gate.isRunning()).isFalse();
        assertThat(view.requests.get()).isZero();
    }

    @Test
    void shouldReleaseAWaitingEventWhenClosed() {
        view.holdAnswers();
        CompletableFuture<Void> event = CompletableFuture.runAsync(() -> gate.awaitFresh(NOW), threads);
        await().atMost(MAX_WAIT).until(() -> gate.waitingForOffsets() == 1);

        CompletableFuture<Void> closed = CompletableFuture.runAsync(gate::close, threads);

        assertThat(event).failsWithin(MAX_WAIT).withThrowableThat().havingRootCause()
                .isInstanceOf(StaleConfigException.class).withMessageContaining("stopping");
        view.releaseAnswers();
        assertThat(closed).succeedsWithin(MAX_WAIT);
    }

    private FreshnessGate gate(Duration maxWait) {
        return new FreshnessGate(view, new FreshnessSettings(maxWait, Duration.ofMillis(100)), registry,
                wallClock::get);
    }
}
