package io.hookline.matcher.freshness;

import io.hookline.service.KafkaComponent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-your-writes for the matcher (CONTRACT.md section 8). An event may be matched only once the webhook view has
 * applied {@code webhook-config} up to committed end offsets that Kafka gave after the event was produced, so every
 * change acknowledged before the event is in the index (the matcher gives it the webhooks and the subscriptions as one
 * view, {@link CombinedProgress}). "After" is known in two ways: the offsets were asked for
 * after the gate saw the event, or after the event's timestamp plus the allowed clock skew (so events of a backlog
 * pass at once, and a timestamp from the future costs no more than a new snapshot).
 *
 * <p>One background thread asks Kafka for the offsets, only when an event needs newer ones than the last answer,
 * and one answer serves every event it covers. An event counts as seen when its consumer fetched it
 * ({@link PollTimes}), so one answer clears a whole poll: a steady stream costs one request per poll, not per event.
 * Waiting is bounded by {@code maxWait}; an event that cannot be cleared in time is not matched
 * ({@link StaleConfigException}) and {@link #isRunning()} is false until an event passes again.
 */
public final class FreshnessGate implements Freshness, KafkaComponent, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FreshnessGate.class);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

    private final ConfigProgress config;
    private final LongSupplier wallClock;
    private final long clockSkewMillis;
    private final Duration maxWait;
    private final Timer waits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition demanded = lock.newCondition();
    private final Condition answered = lock.newCondition();
    private final Condition closing = lock.newCondition();
    private final Thread snapshots;
    private OffsetSnapshot latest;
    private boolean wanted;
    private RuntimeException lastFailure;
    private volatile boolean running = true;
    private volatile boolean stalled;

    static final Duration[] WAIT_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30)};

    public FreshnessGate(ConfigProgress config, FreshnessSettings settings, MeterRegistry registry) {
        this(config, settings, registry, System::currentTimeMillis);
    }

    FreshnessGate(ConfigProgress config, FreshnessSettings settings, MeterRegistry registry, LongSupplier wallClock) {
        this.config = config;
        this.wallClock = wallClock;
        this.clockSkewMillis = settings.clockSkew().toMillis();
        this.maxWait = settings.maxWait();
        this.waits = Timer.builder("hookline.matcher.freshness.wait")
                .description("How long events waited for the webhook view to be fresh enough to match them")
                // Fixed buckets, aggregated by Prometheus: client-side percentiles cost a sketch update per event.
                .serviceLevelObjectives(WAIT_BUCKETS)
                .register(registry);
        this.snapshots = new Thread(this::takeSnapshots, "matcher-freshness");
        this.snapshots.setDaemon(true);
        this.snapshots.start();
    }

    @Override
    public void awaitFresh(long eventTimestamp, long seen) {
        long started = System.nanoTime();
        long deadline = started + maxWait.toNanos();
        OffsetSnapshot snapshot = snapshotCovering(eventTimestamp, seen, deadline);
        if (!config.awaitApplied(snapshot.offsets(), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
            if (!config.isReading()) {
                throw viewStopped(deadline);
            }
            throw stale("the webhook view did not reach " + snapshot.offsets() + " of " + config.topics() + " within "
                    + maxWait, null);
        }
        stalled = false;
        waits.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private OffsetSnapshot snapshotCovering(long eventTimestamp, long seen, long deadline) {
        lock.lock();
        try {
            while (latest == null || !latest.covers(eventTimestamp, seen, clockSkewMillis)) {
                if (!running) {
                    throw stale("the matcher is stopping", null);
                }
                if (!config.isReading()) {
                    throw viewStopped(deadline);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw stale("Kafka gave no end offsets of " + config.topics() + " within " + maxWait, lastFailure);
                }
                wanted = true;
                demanded.signal();
                answered.awaitNanos(left);
            }
            return latest;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stale("interrupted while waiting for the webhook view", e);
        } finally {
            lock.unlock();
        }
    }

    private void takeSnapshots() {
        while (running) {
            try {
                awaitDemand();
                if (!running) {
                    return;
                }
                long startedAtMillis = wallClock.getAsLong();
                long startedNanos = System.nanoTime();
                OffsetSnapshot snapshot;
                try {
                    snapshot = new OffsetSnapshot(startedAtMillis, startedNanos, config.committedEndOffsets());
                } catch (RuntimeException e) {
                    failed(e);
                    continue;
                }
                answer(snapshot);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void awaitDemand() throws InterruptedException {
        lock.lock();
        try {
            while (running && !wanted) {
                demanded.await();
            }
            wanted = false;
        } finally {
            lock.unlock();
        }
    }

    private void answer(OffsetSnapshot snapshot) {
        lock.lock();
        try {
            latest = snapshot;
            lastFailure = null;
            answered.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waiters wake up, ask again and keep waiting until their deadline; the next request goes out after a pause,
     * not in a tight loop against a Kafka that does not answer.
     */
    private void failed(RuntimeException e) throws InterruptedException {
        LOG.warn("Cannot read the end offsets of {}; asking again in {} ms", config.topics(), RETRY_PAUSE.toMillis(), e);
        lock.lock();
        try {
            lastFailure = e;
            answered.signalAll();
            long left = RETRY_PAUSE.toNanos();
            while (running && left > 0) {
                left = closing.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A view that stopped reading stays stopped until the service restarts (its health is down): the event gives up
     * only at its deadline, so that the stream thread is not replaced in a tight loop meanwhile.
     */
    private StaleConfigException viewStopped(long deadline) {
        lock.lock();
        try {
            long left = deadline - System.nanoTime();
            while (running && left > 0) {
                left = closing.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        return stale("the webhook view has stopped reading " + config.topics(), null);
    }

    /** Events waiting for an answer of Kafka; for tests. */
    int waitingForOffsets() {
        lock.lock();
        try {
            return lock.getWaitQueueLength(answered);
        } finally {
            lock.unlock();
        }
    }

    private StaleConfigException stale(String reason, Throwable cause) {
        stalled = true;
        return new StaleConfigException("Not matching the event: " + reason, cause);
    }

    @Override
    public String componentName() {
        return "matcher-freshness";
    }

    /** False while events cannot be cleared (the last one gave up waiting) or once the webhook view stopped. */
    @Override
    public boolean isRunning() {
        return running && snapshots.isAlive() && config.isReading() && !stalled;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            running = false;
            demanded.signalAll();
            answered.signalAll();
            closing.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            snapshots.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
