package io.hookline.dispatcher.endpoint;

/**
 * How many jobs per second one endpoint's lane gets through while it is busy. By Little's law a lane that keeps its
 * N requests in flight finishes N per request latency, so the rate follows the latencies it observes, and not the
 * idle gaps between bursts; a lane whose requests stop coming back is taken to be as slow as their age says.
 */
final class DrainRate {

    private static final double NANOS_PER_SECOND = 1e9;
    /** A floor to the latency, so that a fast first answer does not promise an unbounded rate. */
    private static final long SHORTEST_LATENCY_NANOS = 1_000_000;
    private static final double WEIGHT = 0.2;
    /** No answer for this long (or twice the usual latency, if longer) while requests are out: the endpoint stalls. */
    private static final long STALL_NANOS = 1_000_000_000L;

    private double latencyNanos = -1;
    private long progressNanos;

    /** Requests went out on a lane that had none in flight: the wait for an answer starts now. */
    void started(long nowNanos) {
        progressNanos = nowNanos;
    }

    void finished(long latency, long nowNanos) {
        latencyNanos = latencyNanos < 0 ? latency : latencyNanos + WEIGHT * (latency - latencyNanos);
        progressNanos = nowNanos;
    }

    /** Jobs per second with {@code concurrency} requests in flight, {@code inFlight} of them under way now. */
    double perSecond(int concurrency, int inFlight, long nowNanos) {
        double latency = Math.max(latencyNanos, SHORTEST_LATENCY_NANOS);
        if (inFlight > 0) {
            // No answer since then: every request still out is at least this slow.
            latency = Math.max(latency, nowNanos - progressNanos);
        }
        return concurrency * NANOS_PER_SECOND / latency;
    }

    /** Whether requests are out and none has come back for much longer than answers usually take. */
    boolean stalled(int inFlight, long nowNanos) {
        long usual = latencyNanos < 0 ? 0 : (long) (2 * latencyNanos);
        return inFlight > 0 && nowNanos - progressNanos > Math.max(STALL_NANOS, usual);
    }
}
