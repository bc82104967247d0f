package io.hookline.dispatcher.endpoint;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.hookline.contracts.webhook.EndpointKey;
import io.hookline.dispatcher.config.CircuitSettings;
import io.hookline.dispatcher.delivery.OperationalEvents;
import io.hookline.dispatcher.metrics.CircuitState;
import io.hookline.dispatcher.metrics.DispatcherMetrics;
import io.hookline.service.logging.LoggedUrl;
import io.hookline.service.webhook.WebhookDirectory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One circuit breaker per endpoint: after too many failures it opens and the endpoint's jobs are put aside instead of
 * hammering it; after the open duration one probe goes through, and its success closes the circuit again, which
 * emits {@code endpoint.recovered}.
 */
@Singleton
public class EndpointCircuits implements Circuits {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointCircuits.class);

    private final CircuitBreakerRegistry registry;
    private final CircuitSettings settings;
    private final OperationalEvents events;
    private final WebhookDirectory webhooks;

    public EndpointCircuits(CircuitSettings settings, DispatcherMetrics metrics, OperationalEvents events,
                            WebhookDirectory webhooks) {
        this.settings = settings;
        this.events = events;
        this.webhooks = webhooks;
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.windowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
        metrics.circuits(this::count);
    }

    @Override
    public CircuitBreaker forEndpoint(String webhookId, String url) {
        String key = EndpointKey.of(webhookId, url);
        return registry.find(key).orElseGet(() -> create(key, webhookId, url));
    }

    /** Drops the circuit of an endpoint no longer in use, unless it is open or probing: that state must last. */
    public synchronized void forgetIfClosed(String webhookId, String url) {
        String key = EndpointKey.of(webhookId, url);
        registry.find(key).filter(circuit -> circuit.getState() == CircuitBreaker.State.CLOSED)
                .ifPresent(circuit -> registry.remove(key));
    }

    @Override
    public java.time.Duration openDuration() {
        return settings.openDuration();
    }

    private synchronized CircuitBreaker create(String key, String webhookId, String url) {
        var existing = registry.find(key);
        if (existing.isPresent()) {
            return existing.get();
        }
        CircuitBreaker circuit = registry.circuitBreaker(key);
        circuit.getEventPublisher().onStateTransition(event -> {
            LOG.info("Circuit of {} {}: {}", webhookId, LoggedUrl.origin(url), event.getStateTransition());
            if (event.getStateTransition() == CircuitBreaker.StateTransition.HALF_OPEN_TO_CLOSED) {
                String tenant = webhooks.find(webhookId).map(webhook -> webhook.tenant()).orElse(null);
                events.emit(OperationalEvents.ENDPOINT_RECOVERED, webhookId, tenant,
                                java.util.Map.of("webhook_id", webhookId, "url", url))
                        .whenComplete((ignored, error) -> {
                            if (error != null) {
                                LOG.error("Cannot emit endpoint.recovered for {} {}", webhookId, LoggedUrl.origin(url), error);
                            }
                        });
            }
        });
        return circuit;
    }

    /** How many endpoints' circuits are in the state: what the metrics show instead of each endpoint's circuit. */
    public int count(CircuitState state) {
        return (int) registry.getAllCircuitBreakers().stream()
                .filter(circuit -> stateOf(circuit) == state)
                .count();
    }

    private static CircuitState stateOf(CircuitBreaker circuit) {
        return switch (circuit.getState()) {
            case CLOSED, DISABLED, METRICS_ONLY -> CircuitState.CLOSED;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
            case OPEN, FORCED_OPEN -> CircuitState.OPEN;
        };
    }
}
