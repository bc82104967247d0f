package io.hookline.matcher.freshness;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook view whose committed end offsets, Kafka's answers and reading progress a test sets. */
final class FakeConfigProgress implements ConfigProgress {

    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger waiting = new AtomicInteger();
    private volatile Map<Integer, Long> end = Map.of(0, 0L);
    private volatile Map<Integer, Long> applied = Map.of(0, 0L);
    private volatile RuntimeException kafkaFailure;
    private volatile CountDownLatch answerHeld = new CountDownLatch(0);
    private volatile boolean reading = true;

    /** A change is committed: Kafka's end moves; the view has not read it yet. */
    void committed(long offset) {
        end = Map.of(0, offset);
    }

    /** The view has read up to here. */
    synchronized void applied(long offset) {
        applied = Map.of(0, offset);
        notifyAll();
    }

    void kafkaFails(RuntimeException failure) {
        kafkaFailure = failure;
    }

    void holdAnswers() {
        answerHeld = new CountDownLatch(1);
    }

    void releaseAnswers() {
        answerHeld.countDown();
    }

    void stopReading() {
        reading = false;
    }

    @Override
    public Map<Integer, Long> committedEndOffsets() {
        requests.incrementAndGet();
        try {
            answerHeld.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RuntimeException failure = kafkaFailure;
        if (failure != null) {
            throw failure;
        }
        return end;
    }

    @Override
    public synchronized boolean awaitApplied(Map<Integer, Long> offsets, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        waiting.incrementAndGet();
        try {
            while (applied.get(0) < offsets.get(0)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !reading) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    @Override
    public boolean isReading() {
        return reading;
    }
}
