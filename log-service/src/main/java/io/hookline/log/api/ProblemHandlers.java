package io.hookline.log.api;

import io.hookline.log.cluster.StoreUnavailableException;
import io.hookline.service.problem.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the log-service's failures into problems: bad input 400, unknown objects 404, and a store that is moving
 * 503 with {@code Retry-After}, so a client retries instead of seeing wrong or partial data.
 */
@Controller
final class ProblemHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandlers.class);
    private static final String RETRY_AFTER_SECONDS = "1";

    @Error(global = true, exception = ProblemException.class)
    HttpResponse<Problem> problem(HttpRequest<?> request, ProblemException error) {
        return error.problem().toResponse();
    }

    @Error(global = true, exception = StoreUnavailableException.class)
    HttpResponse<Problem> unavailable(HttpRequest<?> request, StoreUnavailableException error) {
        LOG.info("{} {} answered 503: {}", request.getMethodName(), request.getPath(), error.getMessage());
        return retryLater(error.getMessage());
    }

    @Error(global = true, exception = InvalidStateStoreException.class)
    HttpResponse<Problem> storeMoved(HttpRequest<?> request, InvalidStateStoreException error) {
        LOG.info("{} {} answered 503: {}", request.getMethodName(), request.getPath(), error.getMessage());
        return retryLater("The delivery log store moved while reading it");
    }

    private static HttpResponse<Problem> retryLater(String detail) {
        return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, detail).toResponse()
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
}
