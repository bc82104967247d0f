package io.hookline.config.catalogue;

import io.hookline.config.api.Page;
import io.hookline.config.api.PageRequest;
import io.hookline.contracts.auth.Scopes;
import io.hookline.service.auth.RequiresScope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.util.function.Function;

/** {@code GET /api/v1/event-types}: the built-in catalogue, each type with a sample event. */
@Controller
public final class EventTypeController {

    private final EventTypeCatalogue catalogue;

    public EventTypeController(EventTypeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Get("/api/v1/event-types")
    @RequiresScope(Scopes.WEBHOOKS_READ)
    public Page<EventType> list(@QueryValue @Nullable String page, @QueryValue("page_size") @Nullable String pageSize,
                                HttpRequest<?> request) {
        return PageRequest.of(page, pageSize).slice(catalogue.all(), Function.identity(), request);
    }
}
