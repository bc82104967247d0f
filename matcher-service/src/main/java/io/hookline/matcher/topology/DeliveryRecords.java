package io.hookline.matcher.topology;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.rules.match.DeliveryIds;
import io.hookline.rules.match.PreparedEvent;
import io.hookline.rules.match.RenderedRequest;
import java.time.Instant;
import java.util.Map;

/** Builds the records the matcher writes: a job per endpoint, or a failed attempt when a template failed. */
final class DeliveryRecords {

    static final String TEMPLATE_ERROR_CLASS = "template";

    private DeliveryRecords() {
    }

    static DeliveryJob job(WebhookConfig webhook, PreparedEvent prepared, RenderedRequest request, String url,
                           String position, Instant now) {
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
                null);
    }

    /** The log record of a delivery that was never attempted because {@code field}'s template failed. */
    static DeliveryAttempt templateFailure(WebhookConfig webhook, PreparedEvent prepared, String url, String error,
                                           Instant now) {
        DomainEvent event = prepared.event();
        return new DeliveryAttempt(
                DeliveryIds.of(event.source(), event.id(), webhook.id(), url),
                webhook.id(),
                webhook.tenant(),
                1,
                now,
                url,
                webhook.httpMethod(),
                Map.of(),
                null,
                false,
                null,
                Map.of(),
                null,
                false,
                0,
                Outcome.FAILED,
                error,
                TEMPLATE_ERROR_CLASS,
                null,
                event.id(),
                event.type(),
                trigger(webhook, event),
                prepared.jsonText());
    }

    /** OnCall's request_trigger: the webhook's trigger type when it has one, else the event type. */
    static String trigger(WebhookConfig webhook, DomainEvent event) {
        return webhook.triggerType() != null ? webhook.triggerType() : event.type();
    }
}
