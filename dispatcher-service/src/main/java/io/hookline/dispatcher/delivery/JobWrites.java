package io.hookline.dispatcher.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.size.OversizedJob;
import io.hookline.contracts.size.SizeLimits;
import io.hookline.contracts.size.Utf8Cap;
import io.hookline.dispatcher.metrics.DeadLetterReason;
import io.hookline.dispatcher.metrics.DispatcherMetrics;
import io.hookline.service.logging.DeliveryMdc;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a job to a retry tier or to the dead-letter topic so that its size never stops it: a retry too large for a
 * record keeps only 64 KiB of its copy of the event (all an attempt record shows of it), and a job still too large
 * (its body, which must go out whole, is) cannot be retried: it ends as a trimmed dead letter with reason
 * {@code oversized}. The same happens when the broker refuses the record (a topic created with a smaller limit).
 * Without this a refused write would make the job run again, forever.
 */
@Singleton
public class JobWrites {

    private static final Logger LOG = LoggerFactory.getLogger(JobWrites.class);

    private final DeliveryProducer producer;
    private final DeliveryTopics topics;
    private final SizeLimits limits;
    private final DispatcherMetrics metrics;

    public JobWrites(DeliveryProducer producer, DeliveryTopics topics, SizeLimits limits, DispatcherMetrics metrics) {
        this.producer = producer;
        this.metrics = metrics;
        this.topics = topics;
        this.limits = limits;
    }

    /** Where a write ended: written, or not written because the job is too large ({@code detail} says how). */
    public record Written(String oversizedDetail) {

        static final Written OK = new Written(null);

        public boolean oversized() {
            return oversizedDetail != null;
        }
    }

    /** Writes {@code retry} to a retry tier topic; completes with {@link Written#oversized()} when it cannot be. */
    public CompletableFuture<Written> retry(String topic, DeliveryJob retry) {
        byte[] json = Json.toBytes(retry);
        if (limits.exceedsRecord(json.length)) {
            ObjectNode slim = Json.MAPPER.valueToTree(withEventCopyCut(retry));
            slim.put("event_data_truncated", true);
            byte[] slimJson = Json.toBytes(slim);
            if (limits.exceedsRecord(slimJson.length)) {
                return CompletableFuture.completedFuture(new Written(
                        OversizedJob.detail("the retry", json.length, limits.jobMaxBytes())));
            }
            try (var ignored = DeliveryMdc.of(retry)) {
                LOG.info("Retry of delivery {} keeps {} bytes of its {}-byte copy of the event to fit a record",
                        retry.deliveryId(), SizeLimits.BODY_CAP_BYTES, Utf8Cap.length(retry.eventData()));
            }
            json = slimJson;
        }
        return write(topic, endpointKey(retry), json, List.of(), "the retry");
    }

    /** Writes an exhausted job, with its last error, to the dead-letter topic; trimmed if it is too large whole. */
    public CompletableFuture<Void> deadLetter(DeliveryJob job, String error) {
        ProducerRecord<String, byte[]> record = DeadLetters.exhausted(topics.deadLetters(), endpointKey(job), job,
                Utf8Cap.cap(error, SizeLimits.ERROR_MAX_BYTES));
        byte[] json = record.value();
        if (limits.exceedsRecord(json.length)) {
            return oversized(job, error + "; " + OversizedJob.detail("the dead letter", json.length,
                    limits.jobMaxBytes()));
        }
        return write(topics.deadLetters(), endpointKey(job), json, List.of(record.headers().toArray()),
                "the dead letter")
                .thenCompose(written -> {
                    if (written.oversized()) {
                        return oversized(job, error + "; " + written.oversizedDetail());
                    }
                    metrics.deadLetter(DeadLetterReason.EXHAUSTED);
                    return CompletableFuture.<Void>completedFuture(null);
                });
    }

    /** Writes the trimmed dead letter of a job too large to write whole, with reason {@code oversized}. */
    public CompletableFuture<Void> oversized(DeliveryJob job, String detail) {
        try (var ignored = DeliveryMdc.of(job)) {
            LOG.warn("Delivery {} of webhook {} goes to the dead-letter topic without its body: {}",
                    job.deliveryId(), job.webhookId(), detail);
        }
        return producer.send(DeadLetters.oversized(topics.deadLetters(), endpointKey(job),
                Json.toBytes(OversizedJob.deadLetter(job, detail)), Utf8Cap.cap(detail, SizeLimits.ERROR_MAX_BYTES)))
                .thenRun(() -> metrics.deadLetter(DeadLetterReason.OVERSIZED));
    }

    private CompletableFuture<Written> write(String topic, String key, byte[] json, List<Header> headers,
                                             String what) {
        return producer.send(new ProducerRecord<>(topic, null, key, json, headers))
                .thenApply(written -> Written.OK)
                .exceptionallyCompose(error -> isTooLarge(error)
                        ? CompletableFuture.completedFuture(new Written(OversizedJob.REASON + ": " + what + " ("
                                + json.length + " bytes) was refused by the broker as too large for " + topic
                                + " (see its max.message.bytes)"))
                        : CompletableFuture.failedFuture(error));
    }

    private static DeliveryJob withEventCopyCut(DeliveryJob job) {
        return new DeliveryJob(job.deliveryId(), job.webhookId(), job.webhookVersion(), job.tenant(), job.url(),
                job.method(), job.headers(), job.body(), job.eventId(), job.eventType(), job.eventSubject(),
                job.trigger(), Utf8Cap.cap(job.eventData(), SizeLimits.BODY_CAP_BYTES), job.position(),
                job.ordering(), job.attempt(), job.maxRetries(), job.timeoutMs(), job.createdAt(), job.dueAt(),
                job.lastError(), job.redeliveryOf(), job.eventTime(), job.trace(), job.endpointUrl());
    }

    private static boolean isTooLarge(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RecordTooLargeException;
    }

    private static String endpointKey(DeliveryJob job) {
        return job.endpointKey();
    }
}
