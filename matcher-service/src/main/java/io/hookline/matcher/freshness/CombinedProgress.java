package io.hookline.matcher.freshness;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two views (the webhooks and the subscriptions) as one for a single {@link FreshnessGate}: one answer covers both, so
 * an event waits for one round of offsets requests, not two in a row. Both topics' offsets share one map: the first
 * view's partitions keep their numbers, the second's {@code p} is keyed {@code -1 - p}. The second view is asked on a
 * thread of its own while the first is asked on the caller's.
 */
public final class CombinedProgress implements ConfigProgress, AutoCloseable {

    private final ConfigProgress first;
    private final ConfigProgress second;
    private final ExecutorService secondRequests = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "matcher-freshness-offsets");
        thread.setDaemon(true);
        return thread;
    });

    public CombinedProgress(ConfigProgress first, ConfigProgress second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public Map<Integer, Long> committedEndOffsets() {
        Future<Map<Integer, Long>> secondOffsets = secondRequests.submit(second::committedEndOffsets);
        Map<Integer, Long> combined;
        try {
            combined = new HashMap<>(first.committedEndOffsets());
        } catch (RuntimeException e) {
            secondOffsets.cancel(true);
            throw e;
        }
        try {
            secondOffsets.get().forEach((partition, offset) -> combined.put(-1 - partition, offset));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading end offsets", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Cannot read end offsets", e.getCause());
        }
        return combined;
    }

    @Override
    public boolean awaitApplied(Map<Integer, Long> offsets, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Integer, Long> ofFirst = new HashMap<>();
        Map<Integer, Long> ofSecond = new HashMap<>();
        offsets.forEach((key, offset) -> {
            if (key >= 0) {
                ofFirst.put(key, offset);
            } else {
                ofSecond.put(-1 - key, offset);
            }
        });
        return first.awaitApplied(ofFirst, timeout)
                && second.awaitApplied(ofSecond, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    @Override
    public boolean isReading() {
        return first.isReading() && second.isReading();
    }

    @Override
    public String topics() {
        return first.topics() + " and " + second.topics();
    }

    @Override
    public void close() {
        secondRequests.shutdownNow();
    }
}
