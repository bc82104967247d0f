package io.hookline.service.logging;

import io.hookline.contracts.delivery.DeliveryJob;
import org.slf4j.MDC;

/**
 * Puts {@code webhook_id}, {@code delivery_id} and {@code event_id} into the MDC for the log lines about one delivery,
 * and takes them out again on {@link #close()} (restoring what a caller had set): deliveries hop between threads, so
 * the context is set around each log statement, never left behind on a pooled thread.
 *
 * <pre>{@code try (var ignored = DeliveryMdc.of(webhookId, deliveryId, eventId)) { LOG.info(...); }}</pre>
 */
public final class DeliveryMdc implements AutoCloseable {

    public static final String WEBHOOK_ID = "webhook_id";
    public static final String DELIVERY_ID = "delivery_id";
    public static final String EVENT_ID = "event_id";

    private final String previousWebhookId;
    private final String previousDeliveryId;
    private final String previousEventId;

    private DeliveryMdc(String webhookId, String deliveryId, String eventId) {
        previousWebhookId = swap(WEBHOOK_ID, webhookId);
        previousDeliveryId = swap(DELIVERY_ID, deliveryId);
        previousEventId = swap(EVENT_ID, eventId);
    }

    public static DeliveryMdc of(String webhookId, String deliveryId, String eventId) {
        return new DeliveryMdc(webhookId, deliveryId, eventId);
    }

    public static DeliveryMdc of(DeliveryJob job) {
        return new DeliveryMdc(job.webhookId(), job.deliveryId(), job.eventId());
    }

    @Override
    public void close() {
        restore(WEBHOOK_ID, previousWebhookId);
        restore(DELIVERY_ID, previousDeliveryId);
        restore(EVENT_ID, previousEventId);
    }

    private static String swap(String key, String value) {
        String previous = MDC.get(key);
        restore(key, value);
        return previous;
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
