package io.hookline.local;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An upstream producer, as CONTRACT.md section 3 describes one: CloudEvents in structured JSON mode straight to
 * {@code domain-events}, keyed by subject, each sent only after the previous one was acknowledged.
 */
final class EventProducer implements AutoCloseable {

    private static final String TOPIC = "domain-events";

    private final KafkaProducer<String, String> producer;

    EventProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "test-upstream-producer",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000),
                new StringSerializer(), new StringSerializer());
    }

    /** Fetches the topic's metadata now, so the first send does not pay for it. */
    void warmUp() {
        producer.partitionsFor(TOPIC);
    }

    /** Sends one event and returns once the broker acknowledged it. */
    void send(String key, String eventJson) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, eventJson);
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(90, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the event: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
