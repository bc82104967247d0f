package io.hookline.dispatcher.endpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/** Time that moves only when a test advances it; scheduled tasks run on the test's thread when they fall due. */
public final class ManualScheduler implements Scheduler {

    private record Task(long dueNanos, long sequence, Runnable body) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.dueNanos != b.dueNanos
            ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.sequence, b.sequence));
    private final Instant start = Instant.parse("2026-11-22T10:00:00Z");
    private long nanos = 1_000_000_000L;
    private long sequence;

    @Override
    public synchronized Instant now() {
        return start.plusNanos(nanos);
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized void schedule(Runnable task, long delay, TimeUnit unit) {
        tasks.add(new Task(nanos + unit.toNanos(delay), sequence++, task));
    }

    /** Moves time forward, running every task that falls due on the way at its own time. */
    public void advance(Duration duration) {
        long target;
        synchronized (this) {
            target = nanos + duration.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.dueNanos > target) {
                    nanos = target;
                    return;
                }
                tasks.poll();
                nanos = Math.max(nanos, next.dueNanos);
            }
            next.body.run();
        }
    }

    /** This time as a {@link Clock}, for libraries that read one. */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }

    public synchronized int pending() {
        return tasks.size();
    }
}
