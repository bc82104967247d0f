package io.hookline.service.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.util.Optional;

/**
 * A check of an authenticated request that {@link TokenAuthFilter} runs right after authentication, so it knows the
 * caller without depending on the order of server filters (e.g. a per-token rate limit). A refusal is the answer.
 */
public interface CallerAdmission {

    Optional<HttpResponse<?>> refuse(HttpRequest<?> request, Caller caller);
}
