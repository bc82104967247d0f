package io.hookline.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * How a service reaches Kafka ({@code hookline.kafka.*}, or {@code HOOKLINE_KAFKA_*} in the environment).
 *
 * @param topicPrefix       put before every topic name, so several installations can share one cluster
 * @param createTopics      create missing topics at start (off where topics are managed elsewhere)
 * @param partitions        partitions of created topics
 * @param replicationFactor replication factor of created topics
 */
@ConfigurationProperties("hookline.kafka")
public record KafkaSettings(
        @NotBlank @Bindable(defaultValue = "localhost:9092") String bootstrapServers,
        @Bindable(defaultValue = "") String topicPrefix,
        @Bindable(defaultValue = "true") boolean createTopics,
        @Min(1) @Bindable(defaultValue = "6") int partitions,
        @Min(1) @Bindable(defaultValue = "1") short replicationFactor) {
}
