package io.hookline.contracts.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether events of one subject must reach an endpoint in the order they entered {@code domain-events}. */
public enum Ordering {
    NONE, SUBJECT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Ordering fromWireName(String value) {
        return value == null ? NONE : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
