package io.hookline.config.subscription;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hookline.contracts.subscription.Subscription;
import java.time.Instant;

/** One subject an {@code after_forwarding} webhook follows, and the triggered event that subscribed it. */
public record SubscriptionResponse(
        String subject,
        @JsonProperty("subscribed_at") Instant subscribedAt,
        @JsonProperty("event_id") String eventId) {

    static SubscriptionResponse of(Subscription subscription) {
        return new SubscriptionResponse(subscription.subject(), subscription.subscribedAt(), subscription.eventId());
    }
}
