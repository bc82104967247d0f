package io.hookline.config.ratelimit;

import io.hookline.service.auth.Caller;
import io.hookline.service.auth.CallerAdmission;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;

/**
 * Limits each token's POST, PUT, PATCH and DELETE requests per second: 429 with Retry-After beyond. Only
 * authenticated requests spend an allowance. {@code POST /api/v1/events} is limited by the events it carries
 * instead, in its controller.
 */
@Singleton
final class WriteRateLimit implements CallerAdmission {

    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private static final String EVENTS_PATH = "/api/v1/events";

    private final ApiRateLimits limits;

    WriteRateLimit(ApiRateLimits limits) {
        this.limits = limits;
    }

    @Override
    public Optional<HttpResponse<?>> refuse(HttpRequest<?> request, Caller caller) {
        if (!WRITES.contains(request.getMethod()) || isEventIngest(request.getPath())) {
            return Optional.empty();
        }
        return limits.refuseWrite(caller).map(Refusal::toResponse);
    }

    private static boolean isEventIngest(String path) {
        return path.equals(EVENTS_PATH) || path.equals(EVENTS_PATH + "/");
    }
}
