package io.hookline.log.topology;

import io.hookline.log.topology.WebhookState.EndpointState;
import io.hookline.log.topology.WebhookState.Exhaustion;
import java.util.Locale;
import java.util.Set;

/** How one operational event changes a webhook's state. */
final class OperationalStateUpdate {

    static final String CLOSED = "closed";
    static final String OPEN = "open";
    private static final Set<String> CIRCUIT_STATES = Set.of(CLOSED, OPEN, "half_open");
    private static final int GONE = 410;

    private OperationalStateUpdate() {
    }

    static WebhookState apply(WebhookState state, OperationalEvent event) {
        return switch (event.kind()) {
            case EXHAUSTED -> state.withExhaustion(new Exhaustion(event.time(),
                    event.text("delivery_id", "deliveryId"), event.url(), event.text("error", "last_error", "reason")));
            case DISABLED -> state.withEndpoint(disabled(event));
            case RECOVERED -> state.withEndpoint(new EndpointState(event.url(), CLOSED, false, null, event.time()));
            case OTHER -> circuitState(event) == null ? state
                    : state.withEndpoint(new EndpointState(event.url(), circuitState(event), false, null, event.time()));
        };
    }

    private static EndpointState disabled(OperationalEvent event) {
        String reason = event.text("reason", "error", "detail", "cause");
        Integer status = event.statusCode();
        boolean gone = (status != null && status == GONE)
                || (reason != null && (reason.contains("410") || reason.toLowerCase(Locale.ROOT).contains("gone")));
        String circuit = circuitState(event);
        return new EndpointState(event.url(), circuit != null ? circuit : (gone ? CLOSED : OPEN), gone, reason,
                event.time());
    }

    private static String circuitState(OperationalEvent event) {
        String value = event.text("circuit_breaker", "circuit_state", "circuitState", "state");
        if (value == null) {
            return null;
        }
        String normalized = value.toLowerCase(Locale.ROOT).replace('-', '_');
        return CIRCUIT_STATES.contains(normalized) ? normalized : null;
    }
}
