package io.hookline.dispatcher.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.webhook.EndpointKey;
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
        ObjectNode deferred = Json.MAPPER.valueToTree(job);
        deferred.put("due_at", dueAt.toString());
        return producer.send(topics.retryTier(plan.tier()), EndpointKey.of(job.webhookId(), job.url()),
                Json.toBytes(deferred));
    }
}
