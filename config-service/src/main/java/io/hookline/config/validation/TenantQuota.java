package io.hookline.config.validation;

import io.hookline.config.error.ProblemException;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.problem.Problem;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;

/** The most webhooks one tenant may hold ({@code hookline.limits.webhooks-per-tenant}). */
@Singleton
public final class TenantQuota {

    static final String TYPE = "https://hookline.io/problems/quota";

    private final WebhookLimits limits;

    public TenantQuota(WebhookLimits limits) {
        this.limits = limits;
    }

    /** Throws a 409 problem when the tenant, holding {@code existing}, has no room for one more webhook. */
    public void checkRoomForOneMore(String tenant, Collection<WebhookConfig> existing) {
        if (existing.size() >= limits.webhooksPerTenant()) {
            String message = "tenant \"" + tenant + "\" already has " + existing.size() + " webhooks, the most "
                    + "allowed (hookline.limits.webhooks-per-tenant = " + limits.webhooksPerTenant()
                    + "); delete one first";
            throw new ProblemException(new Problem(TYPE, "Quota exceeded", 409, message,
                    List.of(new Problem.FieldError("", message))));
        }
    }
}
