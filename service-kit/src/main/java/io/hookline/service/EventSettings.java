package io.hookline.service;

import io.hookline.contracts.size.SizeLimits;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The one size setting ({@code hookline.events.max-bytes}, {@code HOOKLINE_EVENTS_MAX_BYTES}): the largest event,
 * value and headers, that Hookline accepts. Every other record size derives from it ({@link SizeLimits}); all
 * services of an installation must have the same value.
 */
@ConfigurationProperties("hookline.events")
public record EventSettings(
        @Min(SizeLimits.MIN_EVENT_MAX_BYTES) @Max(SizeLimits.MAX_EVENT_MAX_BYTES)
        @Bindable(defaultValue = "1048576") int maxBytes) {

    public SizeLimits limits() {
        return new SizeLimits(maxBytes);
    }
}
