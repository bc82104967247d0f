package io.hookline.config.events;

import io.hookline.config.error.ProblemException;
import io.hookline.config.store.StoreSettings;
import io.hookline.contracts.size.EventSize;
import io.hookline.contracts.size.SizeLimits;
import io.hookline.contracts.topic.Topics;
import io.hookline.service.KafkaClientMeters;
import io.hookline.service.KafkaConnection;
import io.hookline.service.KafkaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces accepted events to {@code domain-events} in structured mode and returns once Kafka has them all. */
@Singleton
public final class EventPublisher implements AutoCloseable {

    static final String CONTENT_TYPE = "application/cloudevents+json";

    private final KafkaProducer<String, byte[]> producer;
    private final AutoCloseable meters;
    private final String topic;
    private final Duration timeout;

    public EventPublisher(KafkaSettings kafka, KafkaConnection connection, StoreSettings settings, SizeLimits limits) {
        this.topic = Topics.DOMAIN_EVENTS.withPrefix(kafka.topicPrefix()).name();
        this.timeout = settings.writeTimeout();
        int timeoutMs = (int) timeout.toMillis();
        this.producer = new KafkaProducer<>(connection.clientConfig(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "config-event-ingest",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs / 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, limits.recordMaxBytes())),
                new StringSerializer(), new ByteArraySerializer());
        this.meters = connection.meters().bind(producer);
    }

    /** The size of the event as the matcher measures it, with the header it is written with. */
    static long recordSize(byte[] value) {
        return EventSize.of(value, headers());
    }

    private static RecordHeaders headers() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** Sends each (key, event JSON) pair; throws a 503 problem when Kafka does not take them all in time. */
    public void publish(List<Map.Entry<String, byte[]>> events) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try {
            for (Map.Entry<String, byte[]> event : events) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, event.getKey(),
                        event.getValue(), headers());
                sent.add(producer.send(record));
            }
            for (Future<RecordMetadata> future : sent) {
                future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while publishing events", e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw ProblemException.unavailable("Kafka did not accept the events in time; send them again "
                    + "(receivers drop duplicates by event id)", e);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        KafkaClientMeters.close(meters);
        producer.close(Duration.ofSeconds(5));
    }
}
