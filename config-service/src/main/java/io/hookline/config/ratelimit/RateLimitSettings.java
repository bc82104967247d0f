package io.hookline.config.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * Per-token limits of the API ({@code hookline.api.rate-limit.*}); 0 turns a limit off.
 *
 * @param writesPerSecond  POST, PUT, PATCH and DELETE requests one token may make per second (events aside);
 *                         a burst of as many is allowed
 * @param eventsPerSecond  events one token may post per second to {@code POST /api/v1/events}, counting each
 *                         element of a batch
 * @param maxTrackedTokens the most tokens whose buckets are kept; the least recently used are forgotten beyond it
 */
@ConfigurationProperties("hookline.api.rate-limit")
public record RateLimitSettings(
        @Bindable(defaultValue = "50") @Min(0) int writesPerSecond,
        @Bindable(defaultValue = "1000") @Min(0) int eventsPerSecond,
        @Bindable(defaultValue = "100000") @Min(1) int maxTrackedTokens) {
}
