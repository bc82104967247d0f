package io.hookline.cluster.faults;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Samples a growing count (deliveries made) twice a second and keeps the longest time it stood still before
 * reaching its target: how long a fault stopped deliveries altogether.
 */
final class ProgressRecorder implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 500;

    private final LongSupplier count;
    private final long target;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
    private long lastCount = -1;
    private long lastChangeNanos;
    private long longestStallNanos;

    ProgressRecorder(LongSupplier count, long target) {
        this.count = count;
        this.target = target;
        schedule.scheduleAtFixedRate(this::sample, 0, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        long now = System.nanoTime();
        long current = count.getAsLong();
        if (current != lastCount) {
            lastCount = current;
            lastChangeNanos = now;
        } else if (current < target) {
            longestStallNanos = Math.max(longestStallNanos, now - lastChangeNanos);
        }
    }

    synchronized Duration longestStall() {
        return Duration.ofNanos(longestStallNanos);
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
