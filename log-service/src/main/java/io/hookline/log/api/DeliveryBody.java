package io.hookline.log.api;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.log.query.ResponseItem;
import java.util.List;

/** {@code GET /deliveries/{id}}: one delivery and every attempt of it, oldest first (redeliveries included). */
record DeliveryBody(String deliveryId, String webhookId, String eventId, String eventType, String url,
                    String traceparent, int count, List<ResponseItem> attempts) {

    static DeliveryBody of(String deliveryId, List<DeliveryAttempt> attempts) {
        DeliveryAttempt newest = attempts.get(attempts.size() - 1);
        return new DeliveryBody(deliveryId, newest.webhookId(), newest.eventId(), newest.eventType(), newest.url(),
                newest.trace().traceparent(), attempts.size(), attempts.stream().map(ResponseItem::of).toList());
    }
}
