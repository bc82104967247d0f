package io.hookline.log.redelivery;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.webhook.Ordering;
import io.hookline.contracts.webhook.WebhookConfig;
import java.time.Instant;

/**
 * Rebuilds the job of a logged attempt for a redelivery: the same delivery id (so the same {@code webhook-id} header
 * for receivers that drop duplicates), the logged body, and a fresh series of attempts under the webhook's current
 * settings. Headers come from the current config ({@link CurrentHeaders}), never from the log, where secrets are
 * masked; the dispatcher adds authentication and signature from the current config as well, since the job carries
 * the current version.
 */
public final class JobRebuilder {

    private JobRebuilder() {
    }

    /** Fails when the request cannot be sent again as it was: a truncated body, or a URL no longer configured. */
    public static DeliveryJob rebuild(DeliveryAttempt attempt, WebhookConfig webhook, CurrentHeaders headers,
                                      Instant now) {
        if (attempt.requestBodyTruncated()) {
            throw new NotRedeliverableException("the logged request body of delivery " + attempt.deliveryId()
                    + " was truncated, so it cannot be sent again as it was");
        }
        if (attempt.url() == null) {
            throw new NotRedeliverableException("delivery " + attempt.deliveryId() + " has no logged URL");
        }
        if (!webhook.sendsTo(attempt.url())) {
            throw new NotRedeliverableException("the URL of delivery " + attempt.deliveryId()
                    + " was removed from webhook " + webhook.id() + ", so it is not sent again");
        }
        return new DeliveryJob(attempt.deliveryId(), attempt.webhookId(), webhook.version(), webhook.tenant(),
                attempt.url(), attempt.method() == null ? webhook.httpMethod() : attempt.method(),
                headers.forAttempt(attempt), attempt.requestBody(), attempt.eventId(),
                attempt.eventType(), null, attempt.trigger(), attempt.eventData(), null, Ordering.NONE, 1,
                webhook.maxRetries(), webhook.timeoutMs() > 0 ? webhook.timeoutMs() : WebhookConfig.DEFAULT_TIMEOUT_MS,
                now, null, null, attempt.deliveryId(), null, attempt.trace(),
                webhook.endpointUrlFor(attempt.url()));
    }
}
