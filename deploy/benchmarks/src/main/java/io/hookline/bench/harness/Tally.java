package io.hookline.bench.harness;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the receivers saw during one scenario: requests, distinct deliveries (by {@code webhook-id}), requests per
 * path, the first and last arrival, and the latency from the producer's stamp to the arrival. Thread-safe.
 */
final class Tally {

    private final String name;
    private final LongAdder requests = new LongAdder();
    private final LongAdder answeredOk = new LongAdder();
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final LongAdder distinctOk = new LongAdder();
    private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();
    private final AtomicLong firstNanos = new AtomicLong();
    private final AtomicLong lastNanos = new AtomicLong();
    private static final long LONGEST_MICROS = TimeUnit.SECONDS.toMicros(3600);
    private final Recorder latencyMicros = new Recorder(LONGEST_MICROS, 3);
    private final LongAdder connections = new LongAdder();

    Tally(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /**
     * One request arrived.
     *
     * @param sentNanos the producer's {@link System#nanoTime} stamp carried in the body, or 0
     * @param ok        whether it is answered with a 2xx (then its first copy counts as a healthy delivery)
     */
    void request(long now, String path, String deliveryId, long sentNanos, boolean ok) {
        requests.increment();
        firstNanos.compareAndSet(0, now);
        lastNanos.accumulateAndGet(now, Math::max);
        byPath.computeIfAbsent(path, p -> new LongAdder()).increment();
        boolean first = deliveryId == null || ids.add(deliveryId);
        if (ok) {
            answeredOk.increment();
            if (first) {
                distinctOk.increment();
            }
        }
        if (sentNanos > 0 && first) {
            long micros = TimeUnit.NANOSECONDS.toMicros(now - sentNanos);
            latencyMicros.recordValue(Math.min(LONGEST_MICROS, Math.max(0, micros)));
        }
    }

    void connectionOpened() {
        connections.increment();
    }

    long requests() {
        return requests.sum();
    }

    /** Distinct {@code webhook-id}s seen, whatever the answer. */
    long distinct() {
        return ids.size();
    }

    /** Distinct deliveries answered with a 2xx. */
    long distinctOk() {
        return distinctOk.sum();
    }

    long duplicates() {
        return requests.sum() - ids.size();
    }

    long connections() {
        return connections.sum();
    }

    long requestsTo(String path) {
        LongAdder count = byPath.get(path);
        return count == null ? 0 : count.sum();
    }

    Map<String, LongAdder> byPath() {
        return byPath;
    }

    long firstNanos() {
        return firstNanos.get();
    }

    long lastNanos() {
        return lastNanos.get();
    }

    /** The latencies recorded since the last call (call once, at the end of the scenario). */
    Histogram latency() {
        return latencyMicros.getIntervalHistogram();
    }
}
