package io.hookline.config.ratelimit;

import io.hookline.config.error.ProblemException;
import io.hookline.service.problem.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.time.Duration;

/** A request over its token's limit: a 429 problem, and when the permits it wanted will be there. */
record Refusal(Problem problem, int retryAfterSeconds) {

    static Refusal tooMany(String detail, Duration wait) {
        // Retry-After counts whole seconds; rounding down to 0 would invite an immediate retry that fails again.
        int seconds = (int) Math.max(1, (wait.toMillis() + 999) / 1000);
        return new Refusal(Problem.of(HttpStatus.TOO_MANY_REQUESTS, detail), seconds);
    }

    HttpResponse<Problem> toResponse() {
        return problem.toResponse().header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
    }

    ProblemException toException() {
        return new ProblemException(problem, retryAfterSeconds, null);
    }
}
