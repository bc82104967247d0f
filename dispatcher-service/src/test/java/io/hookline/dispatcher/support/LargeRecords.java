package io.hookline.dispatcher.support;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.EndpointKey;
import io.hookline.testkit.SharedKafka;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Jobs larger than the kit's producer sends, and a delivery topic that takes them, for the size tests. */
public final class LargeRecords implements AutoCloseable {

    private static final int LARGE = 32 * 1024 * 1024;

    private final DispatcherKit kit;
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG, LARGE, ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * LARGE),
            new StringSerializer(), new ByteArraySerializer());

    public LargeRecords(DispatcherKit kit) {
        this.kit = kit;
    }

    /** Creates the kit's webhook-deliveries before the dispatcher does, taking records up to {@code maxBytes}. */
    public void createDeliveriesTopic(int maxBytes) {
        try (Admin admin = SharedKafka.admin()) {
            admin.createTopics(List.of(new NewTopic(kit.topic(Topics.WEBHOOK_DELIVERIES.name()), 3, (short) 1)
                    .configs(Map.of("max.message.bytes", String.valueOf(maxBytes))))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public void publishJob(DeliveryJob job) {
        try {
            producer.send(new ProducerRecord<>(kit.topic(Topics.WEBHOOK_DELIVERIES.name()),
                    EndpointKey.of(job.webhookId(), job.url()), Json.toBytes(job))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot produce the job", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
