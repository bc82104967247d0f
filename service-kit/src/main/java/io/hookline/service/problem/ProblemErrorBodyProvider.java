package io.hookline.service.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Turns every error Micronaut itself answers (unknown route, wrong method or media type, unreadable body, body too
 * large, bad parameter) into an RFC 9457 problem, so a client sees one error format from every endpoint. A 5xx shows
 * no exception text.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public final class ProblemErrorBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.status();
        if (status.getCode() >= 500) {
            // An unexpected failure's message may name hosts, classes or internals: it is logged, not shown.
            return new Problem("about:blank", status.getReason(), status.getCode(),
                    "The server could not answer this request", List.of());
        }
        List<Problem.FieldError> errors = context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> new Problem.FieldError(error.getPath().get(), error.getMessage()))
                .toList();
        String detail = context.getErrors().isEmpty() ? status.getReason() : context.getErrors().get(0).getMessage();
        return new Problem("about:blank", status.getReason(), status.getCode(), detail, errors);
    }

    @Override
    public String contentType() {
        return Problem.MEDIA_TYPE;
    }
}
