package io.hookline.dispatcher.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;

/**
 * How the dispatcher sends ({@code hookline.dispatcher.*}).
 *
 * @param groupId                 consumer group of the delivery and retry topics
 * @param maxInFlight             jobs taken from Kafka and not finished yet, over all endpoints; above it the
 *                                dispatcher pauses its partitions (back-pressure)
 * @param maxInFlightPerEndpoint  concurrent requests to one endpoint
 * @param maxQueuedPerEndpoint    jobs waiting in memory for one endpoint, at least; one that drains them faster may
 *                                queue what it drains in a second, up to half of {@code maxInFlight}; the rest are
 *                                put aside on a retry topic until the endpoint should have room for them (estimated
 *                                from its concurrency, latency and rate limit), so a slow endpoint never holds the
 *                                partitions other endpoints share
 * @param deferDelay              how long a job waits before it is looked at again when a write it needs failed, or
 *                                at least when it is held for an earlier job of its subject
 * @param defaultTimeoutMs        request timeout when a job carries none
 * @param retryDelayScale         multiplies every retry delay (tests run the schedule fast with e.g. 0.001)
 * @param retryAfterCap           the longest {@code Retry-After} honoured
 * @param version                 sent as {@code User-Agent: Hookline/<version>}
 * @param commitInterval          how often finished offsets are committed
 * @param subjectHoldTimeout      how long past its due time a held retry still keeps later jobs of its subject back;
 *                                after that its release is taken as lost and the subject goes on
 * @param idleLaneTimeout         an endpoint without jobs for this long is forgotten (its limits and closed circuit)
 * @param configWriteTimeout      how long each step of disabling a gone endpoint's webhook (a transactional write to
 *                                {@code webhook-config}) waits for Kafka
 * @param groupProtocol           {@code consumer}: Kafka's consumer group protocol (KIP-848, brokers 4.0 or newer) with
 *                                the broker's range assignor, which moves only the partitions that change owner;
 *                                {@code classic}: the classic protocol's eager range assignment, for older brokers
 */
@ConfigurationProperties("hookline.dispatcher")
public record DispatcherSettings(
        @NotBlank @Bindable(defaultValue = "hookline-dispatcher") String groupId,
        @Min(1) @Bindable(defaultValue = "2000") int maxInFlight,
        @Min(1) @Bindable(defaultValue = "10") int maxInFlightPerEndpoint,
        @Min(1) @Bindable(defaultValue = "200") int maxQueuedPerEndpoint,
        @Bindable(defaultValue = "5s") Duration deferDelay,
        @Min(1) @Bindable(defaultValue = "10000") int defaultTimeoutMs,
        @DecimalMin("0.0") @Bindable(defaultValue = "1.0") double retryDelayScale,
        @Bindable(defaultValue = "1h") Duration retryAfterCap,
        @NotBlank @Bindable(defaultValue = "0.1.0") String version,
        @Bindable(defaultValue = "500ms") Duration commitInterval,
        @Bindable(defaultValue = "1h") Duration subjectHoldTimeout,
        @Bindable(defaultValue = "10m") Duration idleLaneTimeout,
        @Bindable(defaultValue = "10s") Duration configWriteTimeout,
        @Pattern(regexp = "consumer|classic") @Bindable(defaultValue = "consumer") String groupProtocol) {

    public static final String CLASSIC_PROTOCOL = "classic";
}
