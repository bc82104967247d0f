package io.hookline.config.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.api.JsonBodies;
import io.hookline.config.ratelimit.ApiRateLimits;
import io.hookline.contracts.auth.Scopes;
import io.hookline.service.auth.Caller;
import io.hookline.service.auth.RequiresScope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/** HTTP ingest of domain events, for producers that do not speak Kafka. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public final class EventController {

    private final EventIngest ingest;
    private final ApiRateLimits limits;

    public EventController(EventIngest ingest, ApiRateLimits limits) {
        this.ingest = ingest;
        this.limits = limits;
    }

    @Post("/api/v1/events")
    @Consumes({MediaType.APPLICATION_JSON, EventPublisher.CONTENT_TYPE, "application/cloudevents-batch+json"})
    @RequiresScope(Scopes.EVENTS_WRITE)
    public HttpResponse<Accepted> publish(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                          @Body @Nullable byte[] body) {
        JsonNode events = JsonBodies.parse(body);
        limits.takeEvents(caller, EventIngest.countEvents(events));
        return HttpResponse.accepted().body(new Accepted(ingest.ingest(caller, events)));
    }

    /** The ids of the events accepted, in request order. */
    public record Accepted(List<String> ids) {
    }
}
