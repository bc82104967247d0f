package io.hookline.service;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Kafka Streams' internal topics and writes made as durable as Hookline's own topics. */
public final class StreamsReplication {

    private StreamsReplication() {
    }

    public static void apply(Properties properties, KafkaSettings kafka) {
        properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
        if (kafka.minInsyncReplicas() != null) {
            properties.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
                    kafka.minInsyncReplicas());
        }
        properties.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        properties.put(StreamsConfig.producerPrefix(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG), true);
    }
}
