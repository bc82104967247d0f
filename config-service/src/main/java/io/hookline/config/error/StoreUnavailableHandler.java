package io.hookline.config.error;

import io.hookline.service.problem.Problem;
import io.hookline.service.store.StoreUnavailableException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers Kafka not taking or showing a change in time as 503 with Retry-After, as any other unavailable store. */
@Singleton
public final class StoreUnavailableHandler
        implements ExceptionHandler<StoreUnavailableException, HttpResponse<Problem>> {

    private final ProblemExceptionHandler problems;

    public StoreUnavailableHandler(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, StoreUnavailableException exception) {
        return problems.handle(request, ProblemException.unavailable(exception.getMessage(), exception.getCause()));
    }
}
