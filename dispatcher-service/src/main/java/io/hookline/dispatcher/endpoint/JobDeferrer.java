package io.hookline.dispatcher.endpoint;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
import io.hookline.dispatcher.delivery.DeliveryProducer;
import io.hookline.dispatcher.delivery.DeliveryTopics;
import io.hookline.dispatcher.retry.RetryPlan;
import io.hookline.dispatcher.retry.RetrySchedule;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Puts a job aside on a retry tier topic without spending an attempt: its endpoint's circuit is open, its backlog is
 * full, or an earlier job of its subject waits for a retry. This frees the partition it came from for other endpoints.
 */
@Singleton
public class JobDeferrer implements Deferrals {

    private final DeliveryProducer producer;
    private final DeliveryTopics topics;
    private final RetrySchedule schedule;

    public JobDeferrer(DeliveryProducer producer, DeliveryTopics topics, RetrySchedule schedule) {
        this.producer = producer;
        this.topics = topics;
        this.schedule = schedule;
    }

    @Override
    public CompletableFuture<Void> defer(DeliveryJob job, Instant dueAt, Instant now) {
        RetryPlan plan = schedule.deferUntil(dueAt, now);
        return producer.send(topics.retryTier(plan.tier()), job.endpointKey(),
                Json.toBytes(dueAt(job, dueAt)));
    }

    /** The same job, due later: written straight from the record, without a JSON tree edited by field name. */
    private static DeliveryJob dueAt(DeliveryJob job, Instant dueAt) {
        return new DeliveryJob(job.deliveryId(), job.webhookId(), job.webhookVersion(), job.tenant(), job.url(),
                job.method(), job.headers(), job.body(), job.eventId(), job.eventType(), job.eventSubject(),
                job.trigger(), job.eventData(), job.position(), job.ordering(), job.attempt(), job.maxRetries(),
                job.timeoutMs(), job.createdAt(), dueAt, job.lastError(), job.redeliveryOf(), job.eventTime(),
                job.trace(), job.endpointUrl());
    }
}
