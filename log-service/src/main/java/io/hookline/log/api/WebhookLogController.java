package io.hookline.log.api;

import io.hookline.contracts.auth.Scopes;
import io.hookline.log.LogSettings;
import io.hookline.log.cluster.WebhookRouter;
import io.hookline.log.metrics.LogMetrics;
import io.hookline.log.query.PageRequest;
import io.hookline.log.query.ResponseFilter;
import io.hookline.log.query.ResponsePage;
import io.hookline.log.query.ResponsesQuery;
import io.hookline.log.query.StatsQuery;
import io.hookline.service.auth.Caller;
import io.hookline.service.auth.RequiresScope;
import io.hookline.service.problem.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;

/** One webhook's delivery log: its attempts, newest first, and its stats. Answered by the owning instance. */
@Controller("/api/v1/webhooks/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
final class WebhookLogController {

    private static final String DEFAULT_WINDOW = "1h";

    private final WebhookRouter router;
    private final WebhookAccess access;
    private final ResponsesQuery responses;
    private final StatsQuery stats;
    private final Duration retention;
    private final LogMetrics metrics;

    WebhookLogController(WebhookRouter router, WebhookAccess access, ResponsesQuery responses, StatsQuery stats,
                         LogSettings settings, LogMetrics metrics) {
        this.metrics = metrics;
        this.router = router;
        this.access = access;
        this.responses = responses;
        this.stats = stats;
        this.retention = settings.retention();
    }

    @Get("/responses")
    @RequiresScope(Scopes.LOGS_READ)
    HttpResponse<?> responses(@PathVariable String id, HttpRequest<?> request,
                              @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        QueryParameters parameters = new QueryParameters(request.getParameters());
        PageRequest page = parameters.page();
        ResponseFilter filter = parameters.filter();
        parameters.throwIfInvalid();
        return router.route(id, request, view -> {
            access.requireVisible(id, caller, view);
            ResponsePage found = metrics.responses(() -> responses.page(view, id, filter, page));
            if (page.page() > found.totalPages()) {
                // As config-service and OnCall (Django REST framework) answer a page past the last one.
                return Problem.of(HttpStatus.NOT_FOUND,
                        "Page " + page.page() + " (there are " + found.totalPages() + ")").toResponse();
            }
            return HttpResponse.ok(PageBody.of(found, request));
        });
    }

    @Get("/stats")
    @RequiresScope(Scopes.LOGS_READ)
    HttpResponse<?> stats(@PathVariable String id, HttpRequest<?> request,
                          @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        QueryParameters parameters = new QueryParameters(request.getParameters());
        Duration window = parameters.duration("window", DEFAULT_WINDOW, retention);
        parameters.throwIfInvalid();
        String windowText = request.getParameters().get("window") == null ? DEFAULT_WINDOW
                : request.getParameters().get("window");
        return router.route(id, request, view -> {
            access.requireVisible(id, caller, view);
            return HttpResponse.ok(metrics.stats(() -> stats.stats(view, id, windowText, window)));
        });
    }
}
