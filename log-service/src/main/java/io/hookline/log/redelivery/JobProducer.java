package io.hookline.log.redelivery;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.topic.Topic;
import io.hookline.contracts.topic.Topics;
import io.hookline.log.cluster.StoreUnavailableException;
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

/**
 * Puts redelivery jobs on {@code webhook-deliveries}, keyed by endpoint, so they take the normal dispatcher path
 * (per-endpoint ordering, rate limits, isolation). Returns only once Kafka has them all.
 */
@Singleton
public final class JobProducer implements AutoCloseable {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Topic<String, DeliveryJob> topic;
    private final KafkaProducer<String, DeliveryJob> producer;
    private final AutoCloseable meters;

    public JobProducer(KafkaSettings kafka, KafkaConnection connection) {
        this.topic = Topics.WEBHOOK_DELIVERIES.withPrefix(kafka.topicPrefix());
        this.producer = new KafkaProducer<>(connection.clientConfig(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "log-redelivery",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() / 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis())),
                topic.keySerde().serializer(), topic.valueSerde().serializer());
        this.meters = connection.meters().bind(producer);
    }

    public void send(List<DeliveryJob> jobs) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(jobs.size());
        for (DeliveryJob job : jobs) {
            sent.add(producer.send(new ProducerRecord<>(topic.name(), job.endpointKey(), job)));
        }
        try {
            for (Future<RecordMetadata> future : sent) {
                future.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while queueing redeliveries", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("Kafka did not take the redelivery jobs; retry", e);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        KafkaClientMeters.close(meters);
        producer.close(Duration.ofSeconds(5));
    }
}
