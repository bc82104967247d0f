package io.hookline.config.manual;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Webhook tests ({@code hookline.webhook-test.*}).
 *
 * @param maxConcurrentPerTenant the most tests of one tenant waiting for their answer at once; one more is a 429
 * @param retryAfter             the Retry-After of that 429
 */
@ConfigurationProperties("hookline.webhook-test")
public record WebhookTestSettings(
        @Min(1) @Bindable(defaultValue = "5") int maxConcurrentPerTenant,
        @Bindable(defaultValue = "5s") Duration retryAfter) {
}
