package io.hookline.dispatcher.delivery;

import io.hookline.contracts.delivery.Outcome;
import java.time.Instant;

/**
 * What one attempt came to, for the endpoint's circuit breaker and ordering.
 *
 * @param endpointFault the endpoint failed (timeout, connection error, 5xx, 408, 429): counts against its circuit
 * @param requestSent   a request went out, so the circuit permission was used
 * @param nextAttemptAt when the retry is due, for {@link Outcome#RETRYING}
 */
public record AttemptResult(Outcome outcome, boolean requestSent, boolean endpointFault, long durationMs,
                            Instant nextAttemptAt) {
}
