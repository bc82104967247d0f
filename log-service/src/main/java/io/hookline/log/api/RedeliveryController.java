package io.hookline.log.api;

import io.hookline.contracts.auth.Scopes;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.log.cluster.DeliveryGatherer;
import io.hookline.log.cluster.WebhookRouter;
import io.hookline.log.query.TimeBounds;
import io.hookline.log.redelivery.NotRedeliverableException;
import io.hookline.log.redelivery.RecoveryPlanner;
import io.hookline.log.redelivery.Redeliveries;
import io.hookline.service.auth.Caller;
import io.hookline.service.auth.RequiresScope;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Instant;
import java.util.List;

/**
 * Sends logged deliveries again as fresh jobs: one delivery, or every failed or dead delivery of a webhook since a
 * point in time. 202 with the delivery ids queued (and those skipped, with the reason); a 409 problem when nothing can
 * be sent as configured now (the webhook deleted or disabled, the URL removed).
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RedeliveryController {

    private final DeliveryGatherer gatherer;
    private final WebhookRouter router;
    private final WebhookAccess access;
    private final RecoveryPlanner planner;
    private final Redeliveries redeliveries;
    private final TimeBounds bounds;

    RedeliveryController(DeliveryGatherer gatherer, WebhookRouter router, WebhookAccess access,
                         RecoveryPlanner planner, Redeliveries redeliveries, TimeBounds bounds) {
        this.gatherer = gatherer;
        this.router = router;
        this.access = access;
        this.planner = planner;
        this.redeliveries = redeliveries;
        this.bounds = bounds;
    }

    @Post("/deliveries/{id}/redeliver")
    @RequiresScope(Scopes.WEBHOOKS_WRITE)
    HttpResponse<Redeliveries.Result> redeliver(@PathVariable String id, HttpRequest<?> request,
                                                @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        List<DeliveryAttempt> attempts = DeliveryController.visibleAttempts(gatherer, id, request, caller);
        DeliveryAttempt newest = attempts.get(attempts.size() - 1);
        Redeliveries.Result result = queue(newest.webhookId(), List.of(newest));
        if (result.deliveryIds().isEmpty()) {
            throw ProblemException.conflict(result.skipped().get(0).reason());
        }
        return HttpResponse.accepted().body(result);
    }

    @Post("/webhooks/{id}/recover")
    @RequiresScope(Scopes.WEBHOOKS_WRITE)
    HttpResponse<?> recover(@PathVariable String id, HttpRequest<?> request,
                            @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        QueryParameters parameters = new QueryParameters(request.getParameters());
        Instant since = parameters.instantOrAgo("since", bounds.now());
        parameters.throwIfInvalid();
        return router.route(id, request, view -> {
            access.requireVisible(id, caller, view);
            Redeliveries.Result result = queue(id, planner.failedSince(view, id, since));
            if (result.deliveryIds().isEmpty() && !result.skipped().isEmpty()) {
                throw ProblemException.conflict("none of the " + result.skipped().size()
                        + " failed deliveries can be sent again: " + result.skipped().get(0).reason());
            }
            return HttpResponse.accepted().body(result);
        });
    }

    private Redeliveries.Result queue(String webhookId, List<DeliveryAttempt> attempts) {
        try {
            return redeliveries.redeliver(webhookId, attempts);
        } catch (NotRedeliverableException e) {
            throw ProblemException.conflict(e.getMessage());
        }
    }
}
