package io.hookline.config.templates;

import io.hookline.config.api.Page;
import io.hookline.config.api.PageRequest;
import io.hookline.config.error.ProblemException;
import io.hookline.contracts.auth.Scopes;
import io.hookline.service.auth.RequiresScope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.util.function.Function;

/** {@code GET /api/v1/templates} and {@code /api/v1/templates/{id}}: the built-in webhook templates. */
@Controller
public final class TemplateController {

    private final TemplateSamples templates;

    public TemplateController(TemplateSamples templates) {
        this.templates = templates;
    }

    @Get("/api/v1/templates")
    @RequiresScope(Scopes.WEBHOOKS_READ)
    public Page<TemplateResponse> list(@QueryValue @Nullable String page,
                                       @QueryValue("page_size") @Nullable String pageSize, HttpRequest<?> request) {
        return PageRequest.of(page, pageSize).slice(templates.all(), Function.identity(), request);
    }

    @Get("/api/v1/templates/{id}")
    @RequiresScope(Scopes.WEBHOOKS_READ)
    public TemplateResponse one(String id) {
        return templates.all().stream().filter(template -> template.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("template " + id));
    }
}
