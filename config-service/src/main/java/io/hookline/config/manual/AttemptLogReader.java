package io.hookline.config.manual;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.topic.Topics;
import io.hookline.service.KafkaClientMeters;
import io.hookline.service.KafkaConnection;
import io.hookline.service.KafkaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reader of {@code webhook-delivery-log} that every webhook test of this instance shares: a consumer on its
 * own thread, started at the end of the log, that completes the future waiting for a delivery id when that delivery's
 * first attempt arrives. No request thread waits on Kafka.
 *
 * <p>Register with {@link #await} BEFORE producing the job: the reader never gets ahead of the log's end, so every
 * attempt written after the registration is read after it.
 */
@Singleton
public final class AttemptLogReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptLogReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);

    private final KafkaConsumer<String, byte[]> consumer;
    private final AutoCloseable meters;
    private final Map<String, CompletableFuture<DeliveryAttempt>> waiting = new ConcurrentHashMap<>();
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    public AttemptLogReader(KafkaSettings kafka, KafkaConnection connection) {
        String topic = Topics.WEBHOOK_DELIVERY_LOG.withPrefix(kafka.topicPrefix()).name();
        this.consumer = new KafkaConsumer<>(connection.clientConfig(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "config-webhook-test-attempts",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.meters = connection.meters().bind(consumer);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: asking the position fixes the end offsets now, before any test registers.
        partitions.forEach(partition -> consumer.position(partition, Duration.ofSeconds(10)));
        this.thread = new Thread(this::run, "webhook-test-attempts");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The first attempt of {@code deliveryId} logged from now on. The caller bounds the wait and calls
     * {@link #forget} when it stops waiting.
     */
    public CompletableFuture<DeliveryAttempt> await(String deliveryId) {
        return waiting.computeIfAbsent(deliveryId, id -> new CompletableFuture<>());
    }

    public void forget(String deliveryId) {
        waiting.remove(deliveryId);
    }

    /** How many delivery ids are awaited now. */
    int waitingCount() {
        return waiting.size();
    }

    private void run() {
        try {
            while (running) {
                try {
                    consumer.poll(POLL).forEach(this::complete);
                } catch (WakeupException e) {
                    return;
                } catch (KafkaException e) {
                    // The consumer retries by itself what it can; what surfaces here is worth a pause, not a spin.
                    LOG.warn("Reading webhook-delivery-log for webhook tests failed; retrying: {}", e.toString());
                    stopped.await(PAUSE_AFTER_FAILURE.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            KafkaClientMeters.close(meters);
            consumer.close(Duration.ofSeconds(2));
            stopped.countDown();
        }
    }

    private void complete(ConsumerRecord<String, byte[]> record) {
        if (waiting.isEmpty()) {
            return;
        }
        DeliveryAttempt attempt = parse(record);
        if (attempt != null) {
            CompletableFuture<DeliveryAttempt> future = waiting.remove(attempt.deliveryId());
            if (future != null) {
                future.complete(attempt);
            }
        }
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

    @PreDestroy
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            if (!stopped.await(5, TimeUnit.SECONDS)) {
                LOG.warn("The webhook-test attempt reader did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waiting.values().forEach(future -> future.cancel(false));
    }
}
