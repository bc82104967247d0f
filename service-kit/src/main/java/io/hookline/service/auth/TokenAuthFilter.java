package io.hookline.service.auth;

import io.hookline.service.problem.Problem;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import java.util.List;
import java.util.Optional;

/**
 * Authenticates every {@code /api/} request by its token ({@code Authorization: <token>} or {@code Bearer <token>}):
 * 401 without a known token, 403 without the scope the endpoint's {@link RequiresScope} names, then whatever a
 * {@link CallerAdmission} of the service refuses.
 */
@ServerFilter("/api/**")
@Requires(bean = TokenRegistry.class)
public final class TokenAuthFilter {

    private static final String BEARER = "bearer ";

    private final TokenRegistry registry;
    private final List<CallerAdmission> admissions;

    public TokenAuthFilter(TokenRegistry registry, List<CallerAdmission> admissions) {
        this.registry = registry;
        this.admissions = admissions;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        Optional<Caller> caller = request.getHeaders().findFirst(HttpHeaders.AUTHORIZATION)
                .map(TokenAuthFilter::secretOf)
                .flatMap(registry::authenticate);
        if (caller.isEmpty()) {
            return Problem.of(HttpStatus.UNAUTHORIZED, "A valid API token is required in the Authorization header")
                    .toResponse();
        }
        String scope = RouteAttributes.getRouteMatch(request)
                .flatMap(route -> route.getAnnotationMetadata().stringValue(RequiresScope.class))
                .orElse(null);
        if (scope != null && !caller.get().has(scope)) {
            return Problem.of(HttpStatus.FORBIDDEN, "This token lacks the scope " + scope).toResponse();
        }
        for (CallerAdmission admission : admissions) {
            Optional<HttpResponse<?>> refusal = admission.refuse(request, caller.get());
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        request.setAttribute(Caller.ATTRIBUTE, caller.get());
        return null;
    }

    private static String secretOf(String header) {
        String value = header.trim();
        return value.regionMatches(true, 0, BEARER, 0, BEARER.length()) ? value.substring(BEARER.length()).trim() : value;
    }
}
