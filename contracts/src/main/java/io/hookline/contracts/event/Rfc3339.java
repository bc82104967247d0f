package io.hookline.contracts.event;

import java.time.OffsetDateTime;

/** An event time as RFC 3339 text, always with seconds, without the cost of a {@code DateTimeFormatter}. */
final class Rfc3339 {

    private Rfc3339() {
    }

    static String format(OffsetDateTime time) {
        if (time == null) {
            return null;
        }
        String text = time.toString();
        if (time.getSecond() != 0 || time.getNano() != 0) {
            return text;
        }
        // OffsetDateTime.toString() leaves out zero seconds ("10:00Z"), which RFC 3339 requires ("10:00:00Z").
        int minutesEnd = text.indexOf('T') + 6;
        return text.substring(0, minutesEnd) + ":00" + text.substring(minutesEnd);
    }
}
