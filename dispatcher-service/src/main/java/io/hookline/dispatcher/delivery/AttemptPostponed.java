package io.hookline.dispatcher.delivery;

/** An attempt that could not be made yet: nothing was sent or written, and it does not count as an attempt. */
public class AttemptPostponed extends RuntimeException {

    public AttemptPostponed(String message, Throwable cause) {
        super(message, cause);
    }
}
