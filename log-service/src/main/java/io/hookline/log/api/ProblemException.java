package io.hookline.log.api;

import io.hookline.service.problem.Problem;
import io.micronaut.http.HttpStatus;
import java.util.List;

/** Ends a request with an RFC 9457 problem. */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(HttpStatus.NOT_FOUND, detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(HttpStatus.CONFLICT, detail));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.validation(errors));
    }

    public Problem problem() {
        return problem;
    }
}
