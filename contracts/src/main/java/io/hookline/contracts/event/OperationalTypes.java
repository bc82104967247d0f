package io.hookline.contracts.event;

import io.hookline.contracts.webhook.WebhookConfig;

/**
 * Hookline's own events ({@code webhook-operational-events}): their types start with {@code hookline.}. A webhook
 * selects them only with an event type that starts with {@code hookline.} too ({@code hookline.*} or an exact type),
 * never through a catch-all such as {@code *}, so webhooks that existed before them do not start receiving them.
 */
public final class OperationalTypes {

    public static final String PREFIX = "hookline.";
    public static final String ATTEMPT_EXHAUSTED = PREFIX + "attempt.exhausted";
    public static final String ENDPOINT_DISABLED = PREFIX + "endpoint.disabled";
    public static final String ENDPOINT_RECOVERED = PREFIX + "endpoint.recovered";

    private OperationalTypes() {
    }

    public static boolean isOperational(String eventType) {
        return eventType != null && eventType.startsWith(PREFIX);
    }

    /**
     * Whether the webhook receives operational events: one of its event types names them. Such a webhook does not
     * produce operational events about itself, or a failing one would feed itself forever.
     */
    public static boolean receivesOperational(WebhookConfig webhook) {
        for (String type : webhook.eventTypes()) {
            if (type != null && isOperational(type.trim())) {
                return true;
            }
        }
        return false;
    }
}
