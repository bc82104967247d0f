package io.hookline.dispatcher.delivery;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.service.logging.DeliveryMdc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log lines of attempts, each with the delivery's ids in the MDC: sending and success at debug (one per request
 * would drown everything else), a retry at info, a failure for good at warn. Never the URL, headers or bodies: a URL
 * may carry its credential in the path, and the attempt record holds the rest, masked.
 */
final class AttemptLog {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptLog.class);

    private AttemptLog() {
    }

    static void sending(DeliveryJob job) {
        if (LOG.isDebugEnabled()) {
            try (var ignored = DeliveryMdc.of(job)) {
                LOG.debug("Sending attempt {} of delivery {}", job.attempt(), job.deliveryId());
            }
        }
    }

    static void outcome(DeliveryAttempt attempt) {
        // Most attempts succeed: their context is set only when the line is written.
        if (attempt.outcome() == Outcome.SUCCEEDED && !LOG.isDebugEnabled()) {
            return;
        }
        try (var ignored = DeliveryMdc.of(attempt.webhookId(), attempt.deliveryId(), attempt.eventId())) {
            switch (attempt.outcome()) {
                case SUCCEEDED -> LOG.debug("Attempt {} of delivery {} succeeded: HTTP {} in {} ms",
                        attempt.attempt(), attempt.deliveryId(), attempt.statusCode(), attempt.durationMs());
                case RETRYING -> LOG.info("Attempt {} of delivery {} failed ({}: {}); retrying at {}",
                        attempt.attempt(), attempt.deliveryId(), attempt.errorClass(), attempt.error(),
                        attempt.nextAttemptAt());
                default -> LOG.warn("Attempt {} of delivery {} ended {} ({}: {})", attempt.attempt(),
                        attempt.deliveryId(), attempt.outcome().wireName(), attempt.errorClass(), attempt.error());
            }
        }
    }
}
