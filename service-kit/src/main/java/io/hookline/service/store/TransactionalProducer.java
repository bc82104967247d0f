package io.hookline.service.store;

import io.hookline.service.KafkaClientMeters;
import io.hookline.service.KafkaConnection;
import io.hookline.service.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The transactional producer of {@link ConfigWriter}, created on first use and again after it was fenced. */
final class TransactionalProducer {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalProducer.class);
    static final String TRANSACTIONAL_ID = "hookline-config-writer";

    private final Map<String, Object> config;
    private final KafkaClientMeters meters;
    private KafkaProducer<byte[], byte[]> producer;
    private AutoCloseable producerMeters;
    private List<RecordMetadata> lastWritten = List.of();

    TransactionalProducer(KafkaSettings kafka, KafkaConnection connection, Duration timeout) {
        int timeoutMs = (int) timeout.toMillis();
        this.meters = connection.meters();
        this.config = connection.clientConfig(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, kafka.topicPrefix() + TRANSACTIONAL_ID,
                ProducerConfig.CLIENT_ID_CONFIG, "config-writer",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, timeoutMs,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs / 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs,
                ProducerConfig.LINGER_MS_CONFIG, 0));
    }

    /** Begins a transaction, lets {@code operation} decide, sends its records and commits. */
    <R> WritePlan<R> runTransaction(Supplier<WritePlan<R>> operation) {
        KafkaProducer<byte[], byte[]> current = producer();
        current.beginTransaction();
        WritePlan<R> plan;
        try {
            plan = operation.get();
        } catch (RuntimeException e) {
            current.abortTransaction();
            throw e;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (TopicWrite write : plan.writes()) {
            sent.add(current.send(write.record()));
        }
        current.commitTransaction();
        lastWritten = sent.stream().map(TransactionalProducer::metadataOf).toList();
        return plan;
    }

    List<RecordMetadata> lastWritten() {
        return lastWritten;
    }

    void reset() {
        if (producer != null) {
            KafkaClientMeters.close(producerMeters);
            try {
                producer.close(Duration.ZERO);
            } catch (KafkaException e) {
                LOG.warn("closing the config writer's producer failed", e);
            }
            producer = null;
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            KafkaProducer<byte[], byte[]> created =
                    new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
            try {
                created.initTransactions();
            } catch (KafkaException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
            producerMeters = meters.bind(created);
        }
        return producer;
    }

    private static RecordMetadata metadataOf(Future<RecordMetadata> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while writing", e);
        } catch (ExecutionException e) {
            // commitTransaction succeeded, so every send did; this cannot happen short of a client bug.
            throw new IllegalStateException("A committed record has no metadata", e.getCause());
        }
    }
}
