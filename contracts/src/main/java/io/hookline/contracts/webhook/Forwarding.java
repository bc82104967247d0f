package io.hookline.contracts.webhook;

/** The values of a webhook's {@code forwarding}: which events go out to it without a {@code /trigger}. */
public final class Forwarding {

    /** Every matching event (the default). */
    public static final String ALWAYS = WebhookConfig.FORWARDING_ALWAYS;
    /** A subject's matching events, once that subject was sent with {@code /trigger}, until an unsubscribe. */
    public static final String AFTER_FORWARDING = "after_forwarding";
    /** Nothing but {@code /trigger}. */
    public static final String ONLY_ON_FORWARDING = "only_on_forwarding";

    private Forwarding() {
    }

    public static boolean isAfterForwarding(WebhookConfig webhook) {
        return AFTER_FORWARDING.equals(webhook.forwarding());
    }

    public static boolean isOnlyOnForwarding(WebhookConfig webhook) {
        return ONLY_ON_FORWARDING.equals(webhook.forwarding());
    }
}
