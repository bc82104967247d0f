package io.hookline.config.api;

import io.hookline.config.store.WebhookStore;
import io.hookline.config.webhook.WebhookService;
import io.hookline.contracts.auth.Scopes;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.auth.Caller;
import io.hookline.service.auth.RequiresScope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Webhooks CRUD, compatible with Grafana OnCall's {@code /api/v1/webhooks/} and its older alias {@code /api/v1/actions/}
 * (kept for callers from before OnCall v1.3.11). Paths work with and without "/".
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public final class WebhookController {

        private final WebhookStore store;
    private final WebhookService service;
    private final WebhookResponses responses;

    public WebhookController(WebhookStore store, WebhookService service, WebhookResponses responses) {
        this.store = store;
        this.service = service;
        this.responses = responses;
    }

    @Get(uris = {"/api/v1/webhooks", "/api/v1/actions"})
    @RequiresScope(Scopes.WEBHOOKS_READ)
    public Page<WebhookResponse> list(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                      @QueryValue @Nullable String page,
                                      @QueryValue("page_size") @Nullable String pageSize,
                                      HttpRequest<?> request) {
        PageRequest pageRequest = PageRequest.of(page, pageSize);
        return pageRequest.slice(store.list(caller.tenant()), responses::of, request);
    }

    @Post(uris = {"/api/v1/webhooks", "/api/v1/actions"})
    @RequiresScope(Scopes.WEBHOOKS_WRITE)
    public HttpResponse<WebhookResponse> create(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                                @Body @Nullable byte[] body) {
        var created = service.create(caller.tenant(), JsonBodies.parse(body));
        return withEtag(HttpResponse.created(responses.of(created)), created.config());
    }

    @Get(uris = {"/api/v1/webhooks/{id}", "/api/v1/actions/{id}"})
    @RequiresScope(Scopes.WEBHOOKS_READ)
    public HttpResponse<WebhookResponse> get(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                             @PathVariable String id) {
        WebhookConfig config = store.get(caller.tenant(), id);
        return withEtag(HttpResponse.ok(responses.of(config)), config);
    }

    @Put(uris = {"/api/v1/webhooks/{id}", "/api/v1/actions/{id}"})
    @RequiresScope(Scopes.WEBHOOKS_WRITE)
    public HttpResponse<WebhookResponse> put(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                             @PathVariable String id,
                                             @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
                                             @Body @Nullable byte[] body) {
        return update(caller, id, ifMatch, body);
    }

    @Patch(uris = {"/api/v1/webhooks/{id}", "/api/v1/actions/{id}"})
    @RequiresScope(Scopes.WEBHOOKS_WRITE)
    public HttpResponse<WebhookResponse> patch(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                               @PathVariable String id,
                                               @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
                                               @Body @Nullable byte[] body) {
        return update(caller, id, ifMatch, body);
    }

    @Delete(uris = {"/api/v1/webhooks/{id}", "/api/v1/actions/{id}"})
    @RequiresScope(Scopes.WEBHOOKS_WRITE)
    public HttpResponse<Void> delete(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
                                     @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        service.delete(caller.tenant(), id, IfMatch.version(ifMatch));
        return HttpResponse.noContent();
    }

    @Post("/api/v1/webhooks/{id}/rotate-secret")
    @RequiresScope(Scopes.WEBHOOKS_WRITE)
    public HttpResponse<WebhookResponse> rotateSecret(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                                      @PathVariable String id,
                                                      @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        var rotated = service.rotateSecret(caller.tenant(), id, IfMatch.version(ifMatch));
        return withEtag(HttpResponse.ok(responses.of(rotated)), rotated.config());
    }

    private HttpResponse<WebhookResponse> update(Caller caller, String id, String ifMatch, byte[] body) {
        var updated = service.update(caller.tenant(), id, JsonBodies.parse(body), IfMatch.version(ifMatch));
        return withEtag(HttpResponse.ok(responses.of(updated)), updated.config());
    }

    private static HttpResponse<WebhookResponse> withEtag(
            io.micronaut.http.MutableHttpResponse<WebhookResponse> response, WebhookConfig config) {
        return response.header(HttpHeaders.ETAG, IfMatch.etag(config.version()));
    }
}
