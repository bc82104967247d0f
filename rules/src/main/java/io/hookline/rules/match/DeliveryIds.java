package io.hookline.rules.match;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Delivery ids: {@code dlv_} and 32 hex digits of a name-based UUID of the event (source and id, which CloudEvents
 * makes unique together), the webhook id and the URL. The same event reprocessed yields the same id, so receivers can
 * drop duplicates by the {@code webhook-id} header.
 */
public final class DeliveryIds {

    public static final String PREFIX = "dlv_";

    private DeliveryIds() {
    }

    public static String of(String eventSource, String eventId, String webhookId, String url) {
        String name = eventSource + '\n' + eventId + '\n' + webhookId + '\n' + url;
        return PREFIX + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }
}
