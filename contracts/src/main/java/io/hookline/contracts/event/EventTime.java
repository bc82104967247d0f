package io.hookline.contracts.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** When an event happened: its CloudEvent {@code time} (RFC 3339) when it has a readable one, else when it was written. */
public final class EventTime {

    private EventTime() {
    }

    public static Instant of(String time, long writtenAtMillis) {
        if (time != null && !time.isEmpty()) {
            try {
                return OffsetDateTime.parse(time).toInstant();
            } catch (DateTimeParseException e) {
                // A malformed time is the producer's affair; the event is still delivered, timed from its write.
            }
        }
        return Instant.ofEpochMilli(writtenAtMillis);
    }
}
