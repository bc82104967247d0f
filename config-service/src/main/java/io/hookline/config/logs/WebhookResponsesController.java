package io.hookline.config.logs;

import io.hookline.contracts.auth.Scopes;
import io.hookline.service.auth.RequiresScope;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/webhooks/{id}/responses} on config-service's port, as OnCall clients use one base URL: the request
 * goes to log-service, which owns the attempt log, and its answer comes back unchanged.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public final class WebhookResponsesController {

    private static final String FORWARDED_HOST = "X-Forwarded-Host";
    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    private final LogServiceClient logService;

    public WebhookResponsesController(LogServiceClient logService) {
        this.logService = logService;
    }

    @Get("/api/v1/webhooks/{id}/responses")
    @RequiresScope(Scopes.LOGS_READ)
    public HttpResponse<byte[]> responses(@PathVariable String id, HttpRequest<?> request) {
        String query = request.getUri().getRawQuery();
        String path = "/api/v1/webhooks/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")
                + "/responses" + (query == null || query.isEmpty() ? "" : "?" + query);
        LogServiceAnswer answer = logService.get(path, passedOnHeaders(request));
        MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>status(HttpStatus.valueOf(answer.status()))
                .body(answer.body());
        response.contentType(answer.contentType().orElse(MediaType.APPLICATION_JSON));
        answer.retryAfter().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
        return response;
    }

    /** The caller's credentials, and the host it called, so that log-service's page links point back here. */
    private static Map<String, String> passedOnHeaders(HttpRequest<?> request) {
        Map<String, String> headers = new LinkedHashMap<>();
        var incoming = request.getHeaders();
        incoming.findFirst(HttpHeaders.AUTHORIZATION).ifPresent(value -> headers.put(HttpHeaders.AUTHORIZATION, value));
        incoming.findFirst(FORWARDED_HOST).or(() -> incoming.findFirst(HttpHeaders.HOST))
                .ifPresent(value -> headers.put(FORWARDED_HOST, value));
        incoming.findFirst(FORWARDED_PROTO).ifPresent(value -> headers.put(FORWARDED_PROTO, value));
        return headers;
    }
}
