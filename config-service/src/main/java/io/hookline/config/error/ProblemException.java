package io.hookline.config.error;

import io.hookline.service.problem.Problem;
import io.micronaut.http.HttpStatus;
import java.util.List;

/** A request that cannot be served, carrying the problem the client gets. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Integer retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, null, null);
    }

    public ProblemException(Problem problem, Integer retryAfterSeconds, Throwable cause) {
        super(problem.detail(), cause);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(HttpStatus.NOT_FOUND, what + " not found"));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.validation(List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.validation(errors));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(HttpStatus.CONFLICT, detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(HttpStatus.FORBIDDEN, detail));
    }

    /** 413: what was sent is larger than a configured limit, which {@code detail} names. */
    public static ProblemException tooLarge(String detail) {
        return new ProblemException(Problem.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, detail));
    }

    /** 503 with Retry-After: Kafka did not answer in time; the same request may succeed a moment later. */
    public static ProblemException unavailable(String detail, Throwable cause) {
        return new ProblemException(Problem.of(HttpStatus.SERVICE_UNAVAILABLE, detail), 1, cause);
    }

    public Problem problem() {
        return problem;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
