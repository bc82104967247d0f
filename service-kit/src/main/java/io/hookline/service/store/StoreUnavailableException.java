package io.hookline.service.store;

/**
 * Kafka did not take or show a change in time: nothing is known to be broken, and the same operation may succeed a
 * moment later. The message says what to do, for whoever answers the caller.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
