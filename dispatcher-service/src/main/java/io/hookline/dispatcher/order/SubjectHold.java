package io.hookline.dispatcher.order;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.webhook.EndpointKey;
import java.time.Instant;

/**
 * A job of an ordered endpoint that waits (for its retry, or put aside) until {@code dueAt}: later jobs of its
 * subject wait too.
 *
 * @param url the URL naming the job's endpoint ({@link DeliveryJob#endpointUrl()}), not always the one it calls
 */
public record SubjectHold(String webhookId, String url, String subject, String position, String deliveryId,
                          Instant dueAt) {

    static SubjectHold of(DeliveryJob job, Instant dueAt) {
        return new SubjectHold(job.webhookId(), job.endpointUrl(), job.eventSubject(), job.position(), job.deliveryId(), dueAt);
    }

    String endpointKey() {
        return EndpointKey.of(webhookId, url);
    }

    SubjectPosition place() {
        return SubjectPosition.parse(position, deliveryId);
    }
}
