package io.hookline.config.manual;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.topic.Topic;
import io.hookline.contracts.topic.Topics;
import io.hookline.testkit.SharedKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Plays the dispatcher on the real broker: every job on webhook-deliveries, from the beginning, gets an attempt on
 * webhook-delivery-log with status 200 and the delivery id as the response body.
 */
final class AnsweringDispatcher implements AutoCloseable {

    private final KafkaConsumer<String, DeliveryJob> consumer;
    private final KafkaProducer<String, DeliveryAttempt> producer;
    private final Topic<String, DeliveryAttempt> log;
    private final Thread thread;

    AnsweringDispatcher(String prefix) {
        Topic<String, DeliveryJob> jobs = Topics.WEBHOOK_DELIVERIES.withPrefix(prefix);
        this.log = Topics.WEBHOOK_DELIVERY_LOG.withPrefix(prefix);
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers()), jobs.keySerde().deserializer(), jobs.valueSerde().deserializer());
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers()), log.keySerde().serializer(), log.valueSerde().serializer());
        List<TopicPartition> partitions = consumer.partitionsFor(jobs.name()).stream()
                .map(info -> new TopicPartition(jobs.name(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::run, "answering-dispatcher");
        thread.start();
    }

    private void run() {
        try {
            while (true) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> answer(record.value()));
                producer.flush();
            }
        } catch (WakeupException stopping) {
            consumer.close();
        }
    }

    private void answer(DeliveryJob job) {
        DeliveryAttempt attempt = new DeliveryAttempt(job.deliveryId(), job.webhookId(), job.tenant(), 1,
                Instant.now(), job.url(), job.method(), Map.of(), job.body(), false, 200, Map.of(), job.deliveryId(),
                false, 7, Outcome.SUCCEEDED, null, null, null, job.eventId(), job.eventType(), job.trigger(),
                job.eventData());
        producer.send(new ProducerRecord<>(log.name(), job.webhookId(), attempt));
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join();
        producer.close();
    }
}
