package io.hookline.matcher.topology;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.size.AttemptFit;
import io.hookline.contracts.size.OversizedJob;
import io.hookline.contracts.size.SizeLimits;
import io.hookline.contracts.size.Utf8Cap;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.rules.match.DeliveryIds;
import io.hookline.rules.match.DeliveryJobs;
import io.hookline.rules.match.PreparedEvent;
import java.time.Instant;
import java.util.Map;

/**
 * The log records the matcher writes for a delivery it could not hand to the dispatcher: a template failed, or the job
 * was too large to write (jobs: {@link DeliveryJobs}). Like the dispatcher's, they keep 64 KiB of the event.
 */
final class DeliveryRecords {

    static final String TEMPLATE_ERROR_CLASS = "template";
    static final String OVERSIZED_ERROR_CLASS = OversizedJob.REASON;

    private DeliveryRecords() {
    }

    /** The log record of a delivery that was never attempted because {@code field}'s template failed. */
    static DeliveryAttempt templateFailure(WebhookConfig webhook, PreparedEvent prepared, String url, String error,
                                           Instant now) {
        DomainEvent event = prepared.event();
        return AttemptFit.fit(new DeliveryAttempt(
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
                Utf8Cap.cap(prepared.jsonText(), SizeLimits.BODY_CAP_BYTES),
                prepared.trace()));
    }

    /** The log record of a job that went to the dead-letter topic instead of the dispatcher: it was too large. */
    static DeliveryAttempt oversized(DeliveryJob job, String error, Instant now) {
        return AttemptFit.fit(new DeliveryAttempt(job.deliveryId(), job.webhookId(), job.tenant(), job.attempt(), now,
                job.url(), job.method(), Map.of(), Utf8Cap.cap(job.body(), SizeLimits.BODY_CAP_BYTES),
                Utf8Cap.exceeds(job.body(), SizeLimits.BODY_CAP_BYTES), null, Map.of(), null, false, 0,
                Outcome.DEAD, error, OVERSIZED_ERROR_CLASS, null, job.eventId(), job.eventType(), job.trigger(),
                Utf8Cap.cap(job.eventData(), SizeLimits.BODY_CAP_BYTES), job.trace()));
    }
}
