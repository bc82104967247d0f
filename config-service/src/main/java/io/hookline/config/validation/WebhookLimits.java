package io.hookline.config.validation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * How much one webhook and one tenant may hold ({@code hookline.limits.*}). They bound what the matcher compiles and
 * evaluates per event, whoever the tenant is.
 *
 * @param webhooksPerTenant  the most webhooks one tenant may have; one more is a 409
 * @param headersPerWebhook  the most entries of {@code headers} given as an object
 * @param templateChars      the longest template ({@code data}, {@code trigger_template}, {@code headers} and each
 *                           header value)
 * @param urlChars           the longest URL ({@code url} and each of {@code urls})
 * @param urlsPerWebhook     the most entries of {@code urls}
 */
@ConfigurationProperties("hookline.limits")
public record WebhookLimits(
        @Min(1) @Bindable(defaultValue = "1000") int webhooksPerTenant,
        @Min(0) @Bindable(defaultValue = "50") int headersPerWebhook,
        @Min(1) @Bindable(defaultValue = "65536") int templateChars,
        @Min(16) @Bindable(defaultValue = "2048") int urlChars,
        @Min(0) @Bindable(defaultValue = "20") int urlsPerWebhook) {
}
