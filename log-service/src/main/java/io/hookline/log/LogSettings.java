package io.hookline.log;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.MapFormat;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;

/**
 * The log-service's own settings ({@code hookline.log.*}).
 *
 * @param retention         how long attempts stay queryable; older ones are dropped with their store segment
 * @param standbyReplicas   warm copies of each store on other instances, for fast fail-over
 * @param stateDir          where RocksDB keeps the stores; kept across restarts
 * @param applicationId     the Kafka Streams application id; null means the topic prefix followed by hookline-log
 * @param advertisedHost    the host other instances use to forward queries to this one
 * @param advertisedPort    the port other instances use; null means this server's port
 * @param queryWait         how long a query waits for its store during a rebalance before answering 503
 * @param forwardTimeout    how long a query forwarded to another instance may take
 * @param streams           further Kafka Streams properties ({@code hookline.log.streams.commit.interval.ms=1000}),
 *                          passed through as given
 */
@ConfigurationProperties("hookline.log")
public record LogSettings(
        @NotNull @Bindable(defaultValue = "30d") Duration retention,
        @Min(0) @Bindable(defaultValue = "0") int standbyReplicas,
        @NotBlank @Bindable(defaultValue = "./data/log-service/streams") String stateDir,
        @Nullable String applicationId,
        @NotBlank @Bindable(defaultValue = "localhost") String advertisedHost,
        @Nullable Integer advertisedPort,
        @NotNull @Bindable(defaultValue = "5s") Duration queryWait,
        @NotNull @Bindable(defaultValue = "10s") Duration forwardTimeout,
        @Nullable @MapFormat(transformation = MapFormat.MapTransformation.FLAT) Map<String, String> streams) {

    public static final String DEFAULT_APPLICATION_ID = "hookline-log";

    public LogSettings {
        streams = streams == null ? Map.of() : Map.copyOf(streams);
    }

    public String applicationId(String topicPrefix) {
        return applicationId != null && !applicationId.isBlank() ? applicationId
                : (topicPrefix == null ? "" : topicPrefix) + DEFAULT_APPLICATION_ID;
    }
}
