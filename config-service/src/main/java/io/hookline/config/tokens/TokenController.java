package io.hookline.config.tokens;

import io.hookline.config.api.JsonBodies;
import io.hookline.config.api.Page;
import io.hookline.config.api.PageRequest;
import io.hookline.contracts.auth.Scopes;
import io.hookline.service.auth.Caller;
import io.hookline.service.auth.RequiresScope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** API tokens of the caller's tenant. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public final class TokenController {

    private final TokenService service;

    public TokenController(TokenService service) {
        this.service = service;
    }

    @Post("/api/v1/tokens")
    @RequiresScope(Scopes.TOKENS_ADMIN)
    public HttpResponse<TokenResponse> create(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                              @Body @Nullable byte[] body) {
        TokenService.CreatedToken created = service.create(caller, JsonBodies.parse(body));
        return HttpResponse.created(TokenResponse.of(created.token(), created.secret()));
    }

    @Get("/api/v1/tokens")
    @RequiresScope(Scopes.TOKENS_ADMIN)
    public Page<TokenResponse> list(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                    @QueryValue @Nullable String page,
                                    @QueryValue("page_size") @Nullable String pageSize,
                                    HttpRequest<?> request) {
        return PageRequest.of(page, pageSize)
                .slice(service.list(caller), token -> TokenResponse.of(token, null), request);
    }

    @Delete("/api/v1/tokens/{id}")
    @RequiresScope(Scopes.TOKENS_ADMIN)
    public HttpResponse<Void> revoke(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
        service.revoke(caller, id);
        return HttpResponse.noContent();
    }
}
