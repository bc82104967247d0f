package io.hookline.config.manual;

import io.hookline.config.error.ProblemException;
import io.hookline.config.store.StoreSettings;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.size.OversizedJob;
import io.hookline.contracts.size.SizeLimits;
import io.hookline.contracts.topic.Topic;
import io.hookline.contracts.topic.Topics;
import io.hookline.service.KafkaClientMeters;
import io.hookline.service.KafkaConnection;
import io.hookline.service.KafkaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
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

/** Produces delivery jobs of manual triggers and tests to {@code webhook-deliveries}, keyed by endpoint. */
@Singleton
public final class DeliveryJobPublisher implements AutoCloseable {

    private final KafkaProducer<String, DeliveryJob> producer;
    private final AutoCloseable meters;
    private final String topic;
    private final Duration timeout;
    private final SizeLimits limits;

    public DeliveryJobPublisher(KafkaSettings kafka, KafkaConnection connection, StoreSettings settings,
                                SizeLimits limits) {
        this.limits = limits;
        Topic<String, DeliveryJob> deliveries = Topics.WEBHOOK_DELIVERIES.withPrefix(kafka.topicPrefix());
        this.topic = deliveries.name();
        this.timeout = settings.writeTimeout();
        int timeoutMs = (int) timeout.toMillis();
        this.producer = new KafkaProducer<>(connection.clientConfig(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "config-manual-deliveries",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs / 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, limits.recordMaxBytes())),
                deliveries.keySerde().serializer(), deliveries.valueSerde().serializer());
        this.meters = connection.meters().bind(producer);
    }

    /**
     * Sends every job and returns once Kafka has them all; a 413 problem when one is larger than a record may be, a
     * 503 problem when Kafka does not take them in time.
     */
    public void publish(List<DeliveryJob> jobs) {
        for (DeliveryJob job : jobs) {
            int size = Json.toBytes(job).length;
            if (limits.exceedsRecord(size)) {
                throw ProblemException.tooLarge(OversizedJob.detail("the delivery job for " + job.url(), size,
                        limits.jobMaxBytes()));
            }
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try {
            for (DeliveryJob job : jobs) {
                sent.add(producer.send(new ProducerRecord<>(topic, job.endpointKey(), job)));
            }
            for (Future<RecordMetadata> future : sent) {
                future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while queuing the deliveries", e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw ProblemException.unavailable("Kafka did not accept the deliveries in time; send the request "
                    + "again (receivers drop duplicates by webhook-id)", e);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        KafkaClientMeters.close(meters);
        producer.close(Duration.ofSeconds(5));
    }
}
