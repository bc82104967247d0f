package io.hookline.dispatcher.delivery;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.dispatcher.http.HttpOutcome;
import io.hookline.dispatcher.http.OutgoingRequest;
import io.hookline.dispatcher.request.HeaderMasker;
import java.time.Instant;
import java.util.Map;

/** Builds the delivery-log record of one attempt: secret headers masked, bodies capped with their flags. */
final class AttemptRecords {

    private AttemptRecords() {
    }

    static DeliveryAttempt sent(DeliveryJob job, Instant startedAt, OutgoingRequest request, HttpOutcome http,
                                Outcome outcome, String error, String errorClass, Instant nextAttemptAt) {
        return new DeliveryAttempt(job.deliveryId(), job.webhookId(), job.tenant(), job.attempt(), startedAt,
                job.url(), job.method(), HeaderMasker.mask(request.headers()), BodyCap.cap(request.body()),
                BodyCap.exceeds(request.body()), http.statusCode(), http.responseHeaders(), http.responseBody(),
                http.responseBodyTruncated(), http.durationMs(), outcome, error, errorClass, nextAttemptAt,
                job.eventId(), job.eventType(), job.trigger(), BodyCap.cap(job.eventData()), job.trace());
    }

    /** An attempt that never reached the network: the webhook is gone or disabled, or the request could not be built. */
    static DeliveryAttempt notSent(DeliveryJob job, Instant at, Outcome outcome, String error, String errorClass,
                                   Instant nextAttemptAt) {
        return new DeliveryAttempt(job.deliveryId(), job.webhookId(), job.tenant(), job.attempt(), at, job.url(),
                job.method(), HeaderMasker.mask(job.headers()), BodyCap.cap(job.body()), BodyCap.exceeds(job.body()),
                null, Map.of(), null, false, 0, outcome, error, errorClass, nextAttemptAt, job.eventId(),
                job.eventType(), job.trigger(), BodyCap.cap(job.eventData()), job.trace());
    }
}
