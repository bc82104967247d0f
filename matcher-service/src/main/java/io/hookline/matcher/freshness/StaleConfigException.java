package io.hookline.matcher.freshness;

/**
 * The matcher could not establish that its webhooks are fresh enough for an event. The event must not be matched:
 * the stream thread fails, Kafka Streams replaces it, and the event is read again from the last committed offset.
 */
public final class StaleConfigException extends RuntimeException {

    public StaleConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
