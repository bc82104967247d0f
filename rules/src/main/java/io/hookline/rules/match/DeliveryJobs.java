package io.hookline.rules.match;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.webhook.WebhookConfig;
import java.time.Instant;

/**
 * Builds the first-attempt delivery job of one endpoint for one event, the same way for the matcher (events that
 * matched) and config-service (manual trigger and test), so a job looks alike whoever produced it.
 */
public final class DeliveryJobs {

    private DeliveryJobs() {
    }

    /**
     * @param position the event's {@code partition:offset} in {@code domain-events}; null when it did not come from
     *                 there (a manual trigger)
     */
    public static DeliveryJob first(WebhookConfig webhook, PreparedEvent prepared, RenderedRequest request, String url,
                                    String position, Instant now) {
        return first(webhook, prepared, request, url, position, now, null);
    }

    /** @param eventTime when the event happened ({@code EventTime}); the dispatcher times deliveries from it */
    public static DeliveryJob first(WebhookConfig webhook, PreparedEvent prepared, RenderedRequest request, String url,
                                    String position, Instant now, Instant eventTime) {
        DomainEvent event = prepared.event();
        return new DeliveryJob(
                DeliveryIds.of(event.source(), event.id(), webhook.id(), url),
                webhook.id(),
                webhook.version(),
                webhook.tenant(),
                url,
                request.method(),
                request.headers(),
                request.body(),
                event.id(),
                event.type(),
                event.subject(),
                trigger(webhook, event),
                prepared.jsonText(),
                position,
                webhook.ordering(),
                1,
                webhook.maxRetries(),
                webhook.timeoutMs() > 0 ? webhook.timeoutMs() : WebhookConfig.DEFAULT_TIMEOUT_MS,
                now,
                null,
                null,
                null,
                eventTime, prepared.trace(),
                webhook.endpointUrlFor(url));
    }

    /** OnCall's request_trigger: the webhook's trigger type when it has one, else the event type. */
    public static String trigger(WebhookConfig webhook, DomainEvent event) {
        return webhook.triggerType() != null ? webhook.triggerType() : event.type();
    }
}
