package io.hookline.matcher.topology;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.rules.match.DeliveryIds;
import io.hookline.rules.match.DeliveryJobs;
import io.hookline.rules.match.PreparedEvent;
import java.time.Instant;
import java.util.Map;

/** The record the matcher writes when a template failed: a failed attempt per endpoint (jobs: {@link DeliveryJobs}). */
final class DeliveryRecords {

    static final String TEMPLATE_ERROR_CLASS = "template";

    private DeliveryRecords() {
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
                DeliveryJobs.trigger(webhook, event),
                prepared.jsonText());
    }
}
