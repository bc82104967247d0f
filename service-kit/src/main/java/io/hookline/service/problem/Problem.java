package io.hookline.service.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;

/** An RFC 9457 problem: what every error of every Hookline API answers, as {@code application/problem+json}. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(HttpStatus status, String detail) {
        return new Problem("about:blank", status.getReason(), status.getCode(), detail, List.of());
    }

    public static Problem validation(List<FieldError> errors) {
        return new Problem("https://hookline.io/problems/validation", "Invalid request", 400,
                errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid", errors);
    }

    public MutableHttpResponse<Problem> toResponse() {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(status)).contentType(MEDIA_TYPE).body(this);
    }

    /** One invalid field: {@code field} is a dotted path into the request body. */
    public record FieldError(String field, String message) {
    }
}
