package io.hookline.log.redelivery;

/** A logged delivery that cannot be sent again, with the reason. */
public final class NotRedeliverableException extends RuntimeException {

    public NotRedeliverableException(String message) {
        super(message);
    }
}
