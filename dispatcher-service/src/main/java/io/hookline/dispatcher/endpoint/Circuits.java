package io.hookline.dispatcher.endpoint;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;

/** The circuit breaker of each endpoint. */
public interface Circuits {

    CircuitBreaker forEndpoint(String webhookId, String url);

    /** How long an open circuit keeps its endpoint's jobs aside. */
    Duration openDuration();
}
