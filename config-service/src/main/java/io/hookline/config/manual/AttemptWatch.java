package io.hookline.config.manual;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.topic.Topics;
import io.hookline.service.KafkaSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A short-lived reader of {@code webhook-delivery-log} for one webhook test. It takes the end offsets when opened, so
 * open it BEFORE producing the jobs: every attempt written after that moment is seen, none before.
 */
final class AttemptWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptWatch.class);

    private final KafkaConsumer<String, byte[]> consumer;

    AttemptWatch(KafkaSettings kafka) {
        String topic = Topics.WEBHOOK_DELIVERY_LOG.withPrefix(kafka.topicPrefix()).name();
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "config-webhook-test",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: asking the position fixes the end offsets now, before the jobs are produced.
        partitions.forEach(partition -> consumer.position(partition, Duration.ofSeconds(10)));
    }

    /** The first attempt of each delivery id of {@code webhookId} seen before {@code deadline}, in arrival order. */
    Map<String, DeliveryAttempt> await(String webhookId, Set<String> deliveryIds, Instant deadline) {
        Map<String, DeliveryAttempt> attempts = new LinkedHashMap<>();
        while (attempts.size() < deliveryIds.size() && Instant.now().isBefore(deadline)) {
            Duration left = Duration.between(Instant.now(), deadline);
            for (ConsumerRecord<String, byte[]> record : consumer.poll(min(left, Duration.ofMillis(500)))) {
                if (!webhookId.equals(record.key())) {
                    continue;
                }
                DeliveryAttempt attempt = parse(record);
                if (attempt != null && deliveryIds.contains(attempt.deliveryId())) {
                    attempts.putIfAbsent(attempt.deliveryId(), attempt);
                }
            }
        }
        return attempts;
    }

    private static DeliveryAttempt parse(ConsumerRecord<String, byte[]> record) {
        try {
            return Json.MAPPER.readValue(record.value(), DeliveryAttempt.class);
        } catch (java.io.IOException e) {
            LOG.warn("Skipping an unreadable attempt record at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e instanceof JsonProcessingException json ? json.getOriginalMessage() : e);
            return null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
