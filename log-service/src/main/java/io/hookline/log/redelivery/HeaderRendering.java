package io.hookline.log.redelivery;

import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.rules.match.RequestRenderer;
import io.hookline.rules.match.WebhookCompiler;
import io.hookline.rules.template.TemplateEngine;
import jakarta.inject.Singleton;

/** Compiles a webhook's header templates once per redelivery request, with the matcher's sandboxed template engine. */
@Singleton
public final class HeaderRendering {

    private final WebhookCompiler compiler;
    private final RequestRenderer renderer;

    public HeaderRendering() {
        TemplateEngine templates = new TemplateEngine();
        this.compiler = new WebhookCompiler(templates);
        this.renderer = new RequestRenderer(templates);
    }

    public CurrentHeaders of(WebhookConfig webhook) {
        return new CurrentHeaders(compiler.compile(webhook), renderer);
    }
}
