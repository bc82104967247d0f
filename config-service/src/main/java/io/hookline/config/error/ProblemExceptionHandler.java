package io.hookline.config.error;

import io.hookline.service.problem.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers a {@link ProblemException} with its problem as {@code application/problem+json}. */
@Singleton
public final class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        if (exception.problem().status() >= 500) {
            LOG.warn("{} {} answered {}: {}", request.getMethod(), request.getPath(), exception.problem().status(),
                    exception.problem().detail(), exception.getCause());
        }
        MutableHttpResponse<Problem> response = exception.problem().toResponse();
        if (exception.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(exception.retryAfterSeconds()));
        }
        return response;
    }
}
