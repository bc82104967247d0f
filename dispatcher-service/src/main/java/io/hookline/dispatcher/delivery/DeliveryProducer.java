package io.hookline.dispatcher.delivery;

import io.hookline.contracts.json.Json;
import io.hookline.contracts.size.SizeLimits;
import io.hookline.service.KafkaClientMeters;
import io.hookline.service.KafkaConnection;
import io.hookline.service.KafkaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The dispatcher's one idempotent producer. A job's offset is committed only after everything it produced (attempt
 * log, retry, dead letter, events) is acknowledged, so a crash in between repeats the attempt instead of losing it.
 */
@Singleton
public class DeliveryProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final AutoCloseable meters;
    /**
     * Acknowledgements are completed here, never on the producer's network thread: what follows an ack may produce
     * again, and a send that waits for metadata on that thread would block it for max.block.ms.
     */
    private final ExecutorService acks = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "dispatcher-acks");
        thread.setDaemon(true);
        return thread;
    });

    public DeliveryProducer(KafkaSettings kafka, KafkaConnection connection, SizeLimits limits) {
        this.producer = new KafkaProducer<>(connection.clientConfig(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "dispatcher-producer",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, limits.recordMaxBytes())),
                new StringSerializer(), new ByteArraySerializer());
        this.meters = connection.meters().bind(producer);
    }

    public CompletableFuture<Void> sendJson(String topic, String key, Object value) {
        return send(topic, key, Json.toBytes(value));
    }

    /** Sends a record as given, headers included; completes once acknowledged. */
    public CompletableFuture<Void> send(ProducerRecord<String, byte[]> record) {
        return sendRecord(record).thenApply(written -> null);
    }

    public CompletableFuture<Void> send(String topic, String key, byte[] value) {
        return sendRecord(topic, key, value).thenApply(written -> null);
    }

    /** Sends one record (a null value is a tombstone); completes with where it was written once acknowledged. */
    public CompletableFuture<RecordMetadata> sendRecord(String topic, String key, byte[] value) {
        return sendRecord(new ProducerRecord<>(topic, key, value));
    }

    private CompletableFuture<RecordMetadata> sendRecord(ProducerRecord<String, byte[]> record) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> acks.execute(() -> {
                if (error == null) {
                    acked.complete(metadata);
                } else {
                    acked.completeExceptionally(error);
                }
            }));
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    @PreDestroy
    @Override
    public void close() {
        KafkaClientMeters.close(meters);
        producer.close(Duration.ofSeconds(10));
        acks.shutdown();
    }
}
