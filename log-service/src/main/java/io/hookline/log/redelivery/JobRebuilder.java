package io.hookline.log.redelivery;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.webhook.Ordering;
import io.hookline.contracts.webhook.WebhookConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the job of a logged attempt for a redelivery: the same delivery id (so the same {@code webhook-id} header
 * for receivers that drop duplicates), the request as it was sent, and a fresh series of attempts under the webhook's
 * current settings. Headers the dispatcher sets itself (signing, auth, user agent) and masked ones are left out: the
 * dispatcher adds them again from the current config.
 */
public final class JobRebuilder {

    private static final String MASK = "****";
    private static final Set<String> DISPATCHER_HEADERS = Set.of("webhook-id", "webhook-timestamp",
            "webhook-signature", "authorization", "proxy-authorization", "user-agent", "content-length", "host",
            "connection", "transfer-encoding");

    private JobRebuilder() {
    }

    /** Fails when the logged request is incomplete: a truncated body cannot be sent again. */
    public static DeliveryJob rebuild(DeliveryAttempt attempt, WebhookConfig webhook, Instant now) {
        if (attempt.requestBodyTruncated()) {
            throw new NotRedeliverableException("the logged request body of delivery " + attempt.deliveryId()
                    + " was truncated, so it cannot be sent again as it was");
        }
        if (attempt.url() == null) {
            throw new NotRedeliverableException("delivery " + attempt.deliveryId() + " has no logged URL");
        }
        return new DeliveryJob(attempt.deliveryId(), attempt.webhookId(), webhook.version(), webhook.tenant(),
                attempt.url(), attempt.method() == null ? webhook.httpMethod() : attempt.method(),
                resendableHeaders(attempt.requestHeaders()), attempt.requestBody(), attempt.eventId(),
                attempt.eventType(), null, attempt.trigger(), attempt.eventData(), null, Ordering.NONE, 1,
                webhook.maxRetries(), webhook.timeoutMs() > 0 ? webhook.timeoutMs() : WebhookConfig.DEFAULT_TIMEOUT_MS,
                now, null, null, attempt.deliveryId());
    }

    static Map<String, String> resendableHeaders(Map<String, String> logged) {
        Map<String, String> headers = new LinkedHashMap<>();
        logged.forEach((name, value) -> {
            if (!DISPATCHER_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && value != null && !value.contains(MASK)) {
                headers.put(name, value);
            }
        });
        return headers;
    }
}
