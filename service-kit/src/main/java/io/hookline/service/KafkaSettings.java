package io.hookline.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * How a service reaches Kafka ({@code hookline.kafka.*}, or {@code HOOKLINE_KAFKA_*} in the environment).
 *
 * @param topicPrefix       put before every topic name, so several installations can share one cluster
 * @param createTopics      create missing topics at start (off where topics are managed elsewhere)
 * @param partitions        partitions of created topics
 * @param replicationFactor replication factor of created topics
 * @param minInsyncReplicas {@code min.insync.replicas} of created topics; unset, the broker's default
 * @param connectTimeout    how long a service waits at start for the cluster to answer before it gives up
 */
@ConfigurationProperties("hookline.kafka")
public record KafkaSettings(
        @NotBlank @Bindable(defaultValue = "localhost:9092") String bootstrapServers,
        @Bindable(defaultValue = "") String topicPrefix,
        @Bindable(defaultValue = "true") boolean createTopics,
        @Min(1) @Bindable(defaultValue = "6") int partitions,
        @Min(1) @Bindable(defaultValue = "1") short replicationFactor,
        @Nullable @Min(1) Integer minInsyncReplicas,
        @Bindable(defaultValue = "30s") Duration connectTimeout) {
}
