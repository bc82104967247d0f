package io.hookline.dispatcher.endpoint;

/**
 * When a job put aside for a full queue comes back: when its lane, at the rate it drains, should have room for it.
 * Each job put aside takes the next slot after those already out, so a burst comes back at the endpoint's pace
 * instead of all at once after a fixed delay. Waits round up to a tick, so that returning jobs arrive in batches the
 * consumer fetches together.
 */
final class AsideSlots {

    private static final long TICK_NANOS = 50_000_000;

    private final long horizonNanos;
    private long clearsAtNanos;

    AsideSlots(long horizonNanos, long nowNanos) {
        this.horizonNanos = horizonNanos;
        this.clearsAtNanos = nowNanos;
    }

    /**
     * How long the next job put aside waits, with {@code ahead} jobs to go before the lane has room for it. A job
     * whose slot lies beyond the horizon is looked at again then, and keeps no slot: the estimate will be better.
     */
    long waitNanos(int ahead, double perSecond, long nowNanos) {
        long perJob = (long) Math.ceil(1e9 / perSecond);
        long slot = Math.max(clearsAtNanos, nowNanos + saturatedProduct(ahead, perJob));
        long wait = slot - nowNanos;
        if (wait < 0 || wait > horizonNanos) {
            return horizonNanos;
        }
        clearsAtNanos = slot + perJob;
        return Math.min(horizonNanos, (wait + TICK_NANOS - 1) / TICK_NANOS * TICK_NANOS);
    }

    private static long saturatedProduct(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return high != 0 || product < 0 ? Long.MAX_VALUE / 4 : product;
    }
}
