package io.hookline.dispatcher.endpoint;

import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/** The time the dispatcher's lanes see, and later work on it; tests run it by hand. */
public interface Scheduler {

    Instant now();

    /** A monotonic clock for elapsed times, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Runs {@code task} once after {@code delay}; throws {@link RejectedExecutionException} when stopping. */
    void schedule(Runnable task, long delay, TimeUnit unit);
}
