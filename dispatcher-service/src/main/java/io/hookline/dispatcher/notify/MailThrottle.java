package io.hookline.dispatcher.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** At most one mail per webhook within an interval, so an outage does not flood the owner's inbox. */
final class MailThrottle {

    private final Duration interval;
    private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();

    MailThrottle(Duration interval) {
        this.interval = interval;
    }

    /** True, and the slot taken, when this webhook may be mailed now. */
    boolean tryAcquire(String webhookId, Instant now) {
        boolean[] acquired = {false};
        lastSent.compute(webhookId, (id, previous) -> {
            if (previous == null || !now.isBefore(previous.plus(interval))) {
                acquired[0] = true;
                return now;
            }
            return previous;
        });
        return acquired[0];
    }
}
