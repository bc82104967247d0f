package io.hookline.config.validation;

import io.hookline.rules.match.RequestRenderer;
import io.hookline.rules.match.WebhookCompiler;
import io.hookline.rules.match.WebhookMatcher;
import io.hookline.contracts.size.SizeLimits;
import io.hookline.rules.template.TemplateEngine;
import io.hookline.rules.template.TemplateLimits;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The template engine of this service: one per service, shared by validation, preview and trigger. */
@Factory
public final class RulesFactory {

    @Singleton
    TemplateEngine templateEngine(SizeLimits limits) {
        TemplateLimits defaults = TemplateLimits.DEFAULT;
        return new TemplateEngine(new TemplateLimits(limits.renderMaxChars(), defaults.renderTimeout(),
                defaults.maxRange(), defaults.maxCollectionSize()));
    }

    @Singleton
    WebhookCompiler webhookCompiler(TemplateEngine templates) {
        return new WebhookCompiler(templates);
    }

    @Singleton
    WebhookMatcher webhookMatcher(WebhookCompiler compiler) {
        return new WebhookMatcher(compiler);
    }

    @Singleton
    RequestRenderer requestRenderer(TemplateEngine templates) {
        return new RequestRenderer(templates);
    }
}
