package io.hookline.log.api;

import io.hookline.contracts.auth.Scopes;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.json.Json;
import io.hookline.log.cluster.DeliveryGatherer;
import io.hookline.log.cluster.LocalDeliveryAttempts;
import io.hookline.log.metrics.LogMetrics;
import io.hookline.service.auth.Caller;
import io.hookline.service.auth.RequiresScope;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/** Every attempt of one delivery, gathered from all instances. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
final class DeliveryController {

    private final DeliveryGatherer gatherer;
    private final LogMetrics metrics;

    DeliveryController(DeliveryGatherer gatherer, LogMetrics metrics) {
        this.gatherer = gatherer;
        this.metrics = metrics;
    }

    @Get("/deliveries/{id}")
    @RequiresScope(Scopes.LOGS_READ)
    HttpResponse<DeliveryBody> delivery(@PathVariable String id, HttpRequest<?> request,
                                        @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return HttpResponse.ok(DeliveryBody.of(id,
                metrics.delivery(() -> visibleAttempts(gatherer, id, request, caller))));
    }

    /** One instance's share of a gather: only the partitions it owns, and only the caller's tenant. */
    @Get("/internal/deliveries/{id}/attempts")
    @RequiresScope(Scopes.LOGS_READ)
    HttpResponse<byte[]> localAttempts(@PathVariable String id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        LocalDeliveryAttempts local = gatherer.searchLocally(id);
        // The topic's JSON form, read back by DeliveryGatherer with the same mapper.
        return HttpResponse.ok(Json.toBytes(new LocalDeliveryAttempts(local.partitions(),
                local.attempts().stream().filter(attempt -> WebhookAccess.visible(attempt, caller)).toList())))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static List<DeliveryAttempt> visibleAttempts(DeliveryGatherer gatherer, String id, HttpRequest<?> request,
                                                 Caller caller) {
        List<DeliveryAttempt> attempts = gatherer.gather(id, request).stream()
                .filter(attempt -> WebhookAccess.visible(attempt, caller))
                .toList();
        if (attempts.isEmpty()) {
            throw ProblemException.notFound("No delivery " + id);
        }
        return attempts;
    }
}
