package io.hookline.config.validation;

import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.rules.match.WebhookCompiler;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * The rules that concern a whole webhook, checked on the version about to be stored. The version is compiled as the
 * matcher will compile it, so nothing the matcher would refuse at match time is ever stored.
 */
@Singleton
public final class WebhookValidator {

    private final WebhookCompiler compiler;

    public WebhookValidator(WebhookCompiler compiler) {
        this.compiler = compiler;
    }

    /** Throws a 400 problem when {@code webhook} cannot be stored next to the tenant's {@code others}. */
    public void validate(WebhookConfig webhook, Collection<WebhookConfig> others) {
        FieldErrors errors = new FieldErrors();
        if (webhook.name() == null || webhook.name().isBlank()) {
            errors.add(WebhookFields.NAME, "is required");
        } else if (others.stream().anyMatch(other -> !other.id().equals(webhook.id())
                && other.tenant().equals(webhook.tenant()) && other.name().equalsIgnoreCase(webhook.name()))) {
            errors.add(WebhookFields.NAME, "another webhook of this tenant is already named \"" + webhook.name() + "\"");
        }
        if (webhook.url() == null) {
            errors.add(WebhookFields.URL, "is required");
        }
        compiler.validate(webhook).forEach(problem -> errors.add(problem.field(), problem.message()));
        errors.throwIfAny();
    }
}
