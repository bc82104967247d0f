package io.hookline.log.cluster;

/** The store that holds the answer is not queryable right now (rebalance, restore, owner unreachable): retry soon. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
