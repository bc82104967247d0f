package io.hookline.config.subscription;

import io.hookline.config.api.Page;
import io.hookline.config.api.PageRequest;
import io.hookline.contracts.auth.Scopes;
import io.hookline.service.auth.Caller;
import io.hookline.service.auth.RequiresScope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The subjects an {@code after_forwarding} webhook follows: listed, and ended one by one. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public final class SubscriptionController {

    private final Subscriptions subscriptions;

    public SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Get("/api/v1/webhooks/{id}/subscriptions")
    @RequiresScope(Scopes.WEBHOOKS_READ)
    public Page<SubscriptionResponse> list(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
                                           @QueryValue @Nullable String page,
                                           @QueryValue("page_size") @Nullable String pageSize,
                                           HttpRequest<?> request) {
        PageRequest pageRequest = PageRequest.of(page, pageSize);
        return pageRequest.slice(subscriptions.list(caller.tenant(), id), SubscriptionResponse::of, request);
    }

    @Delete("/api/v1/webhooks/{id}/subscriptions/{subject}")
    @RequiresScope(Scopes.WEBHOOKS_WRITE)
    public HttpResponse<Void> delete(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
                                     @PathVariable String subject) {
        subscriptions.unsubscribe(caller.tenant(), id, subject);
        return HttpResponse.noContent();
    }
}
