package io.hookline.dispatcher.consumer;

import io.hookline.dispatcher.config.DispatcherSettings;
import io.hookline.dispatcher.delivery.DeadLetters;
import io.hookline.dispatcher.delivery.DeliveryProducer;
import io.hookline.dispatcher.delivery.DeliveryTopics;
import io.hookline.dispatcher.endpoint.SystemScheduler;
import io.hookline.dispatcher.endpoint.UntilWritten;
import io.hookline.dispatcher.metrics.DeadLetterReason;
import io.hookline.dispatcher.metrics.DispatcherMetrics;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a delivery job this dispatcher cannot read (not JSON, or written by a newer matcher during a rolling upgrade)
 * onto {@code webhook-deliveries-dlq} as it came, with why, so that it is neither lost nor stalls its partition.
 */
@Singleton
public class UnreadableJobs {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableJobs.class);
    private static final int MAX_DETAIL = 2000;

    private final Function<ProducerRecord<String, byte[]>, CompletableFuture<Void>> writer;
    private final String topic;
    private final UntilWritten writes;

    @Inject
    public UnreadableJobs(DeliveryProducer producer, DeliveryTopics topics, DispatcherSettings settings,
                          @Named("dispatcher-timer") ScheduledExecutorService timer, DispatcherMetrics metrics) {
        this(record -> producer.send(record).thenRun(() -> metrics.deadLetter(DeadLetterReason.UNREADABLE)),
                topics.deadLetters(), new UntilWritten(new SystemScheduler(timer), settings.deferDelay()));
    }

    UnreadableJobs(Function<ProducerRecord<String, byte[]>, CompletableFuture<Void>> writer, String topic,
                   UntilWritten writes) {
        this.writer = writer;
        this.topic = topic;
        this.writes = writes;
    }

    /**
     * Completes once the record is on the dead-letter topic. A refused write is tried again until it succeeds, or
     * until {@code abandoned} (the partition went to another instance, which reads the record again).
     */
    CompletableFuture<Void> divert(ConsumerRecord<String, byte[]> record, String reason, BooleanSupplier abandoned) {
        String detail = reason.length() > MAX_DETAIL ? reason.substring(0, MAX_DETAIL) : reason;
        LOG.error("Unreadable delivery job at {}-{}@{} goes to the dead-letter topic: {}", record.topic(),
                record.partition(), record.offset(), detail);
        ProducerRecord<String, byte[]> dead = DeadLetters.unreadable(topic, record, detail);
        return writes.write(() -> writer.apply(dead), abandoned,
                "the dead letter of " + record.topic() + "-" + record.partition() + "@" + record.offset());
    }
}
