package io.hookline.matcher.freshness;

/** Holds an event back until the matcher's webhooks are at least as new as the event. */
@FunctionalInterface
public interface Freshness {

    /**
     * Returns once every webhook change acknowledged before the event with this record timestamp was produced is in
     * the index; throws {@link StaleConfigException} when that cannot be established in time.
     */
    void awaitFresh(long eventTimestamp);
}
