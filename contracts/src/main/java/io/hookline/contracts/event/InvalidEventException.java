package io.hookline.contracts.event;

/** An input that is not a valid domain event; {@link #reason()} is a short machine-readable code. */
public final class InvalidEventException extends Exception {

    private final String reason;

    public InvalidEventException(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
