package io.hookline.dispatcher.delivery;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.dispatcher.http.HttpOutcome;
import io.hookline.dispatcher.http.OutgoingRequest;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes the endpoint's answer to {@code webhook-responses} for webhooks with {@code publish_responses}, so the
 * producing system can act on it (All Quiet's incident updates). Whether to publish is read from the webhook as the
 * dispatcher sees it at send time, like its URL and secrets: switching it on or off applies to pending retries too,
 * and jobs need not carry it. Only answered attempts count: a request that was sent and got a status back, whatever
 * the status; connection failures, timeouts and requests never sent publish nothing. The returned future is part of
 * the attempt's writes, so the job's offset is committed only once the response is acknowledged (at least once).
 */
@Singleton
public class WebhookResponses {

    private final DeliveryProducer producer;
    private final DeliveryTopics topics;

    public WebhookResponses(DeliveryProducer producer, DeliveryTopics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    public CompletableFuture<Void> publish(DeliveryJob job, WebhookConfig webhook, OutgoingRequest request,
                                           HttpOutcome http, Instant now) {
        if (request == null || http.statusCode() == null || !webhook.publishResponses()) {
            return CompletableFuture.completedFuture(null);
        }
        return producer.send(topics.responses(), ResponseRecords.key(job), ResponseRecords.event(job, http, now));
    }
}
