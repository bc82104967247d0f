package io.hookline.matcher.streams;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The matcher's settings ({@code hookline.matcher.*}, or {@code HOOKLINE_MATCHER_*} in the environment).
 *
 * @param applicationId       Kafka Streams application id, after the topic prefix ({@code <prefix>hookline-matcher})
 * @param stateDir            where Kafka Streams keeps its local files (the matcher has no state store); empty: under
 *                            {@code java.io.tmpdir}
 * @param processingGuarantee {@code at_least_once} (default) or {@code exactly_once_v2}
 * @param streamThreads       stream threads of this instance (at most one per domain-events partition is busy)
 * @param commitIntervalMs    how often progress is committed: the most work redone after a crash
 * @param templateTimeoutMs   wall-clock bound of one template render, doubled at each retry
 * @param templateAttempts    evaluations of a webhook for an event when it fails for a transient reason (a render out
 *                            of time, an internal error), the first included; then the event goes to
 *                            {@code domain-events-dlq} for that webhook
 * @param templateRetryBackoffMs pause before the first retry, doubled at each further one
 */
@ConfigurationProperties("hookline.matcher")
public record MatcherSettings(
        @NotBlank @Bindable(defaultValue = "hookline-matcher") String applicationId,
        @Bindable(defaultValue = "") String stateDir,
        @Pattern(regexp = "at_least_once|exactly_once_v2") @Bindable(defaultValue = "at_least_once")
        String processingGuarantee,
        @Min(1) @Bindable(defaultValue = "1") int streamThreads,
        @Min(1) @Bindable(defaultValue = "1000") long commitIntervalMs,
        @Min(1) @Bindable(defaultValue = "500") long templateTimeoutMs,
        @Min(1) @Bindable(defaultValue = "3") int templateAttempts,
        @Min(0) @Bindable(defaultValue = "100") long templateRetryBackoffMs) {

    public String effectiveStateDir() {
        return stateDir == null || stateDir.isBlank()
                ? java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "hookline-matcher").toString()
                : stateDir;
    }
}
