package io.hookline.matcher.freshness;

/** Holds an event back until the matcher's webhooks are at least as new as the event. */
@FunctionalInterface
public interface Freshness {

    /**
     * Returns once every webhook change acknowledged before the event with this record timestamp was produced is in
     * the index; throws {@link StaleConfigException} when that cannot be established in time. {@code seenNanos}
     * ({@link System#nanoTime}) is a moment known to come after the event was produced: when it was fetched.
     */
    void awaitFresh(long eventTimestamp, long seenNanos);

    /** {@link #awaitFresh(long, long)} for an event seen just now. */
    default void awaitFresh(long eventTimestamp) {
        awaitFresh(eventTimestamp, System.nanoTime());
    }
}
