package io.hookline.dispatcher.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * The circuit breaker of each endpoint ({@code hookline.dispatcher.circuit.*}).
 *
 * @param failureRateThreshold percentage of failed calls in the window that opens the circuit
 * @param minimumCalls         calls needed before the rate counts
 * @param windowSize           calls in the sliding window
 * @param openDuration         how long an open circuit refuses calls before one probe goes through
 */
@ConfigurationProperties("hookline.dispatcher.circuit")
public record CircuitSettings(
        @Min(1) @Max(100) @Bindable(defaultValue = "50") int failureRateThreshold,
        @Min(1) @Bindable(defaultValue = "10") int minimumCalls,
        @Min(1) @Bindable(defaultValue = "20") int windowSize,
        @Bindable(defaultValue = "30s") Duration openDuration) {
}
