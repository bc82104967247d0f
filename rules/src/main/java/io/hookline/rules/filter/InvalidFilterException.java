package io.hookline.rules.filter;

import io.hookline.rules.FieldError;
import java.util.List;

/** A filter that cannot be used, with every problem found. */
public final class InvalidFilterException extends Exception {

    private final transient List<FieldError> errors;

    public InvalidFilterException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid filter" : errors.get(0).field() + ": " + errors.get(0).message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
