package io.hookline.dispatcher.endpoint;

import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Wall-clock time and a real timer thread. */
public record SystemScheduler(ScheduledExecutorService timer) implements Scheduler {

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void schedule(Runnable task, long delay, TimeUnit unit) {
        timer.schedule(task, delay, unit);
    }
}
