package io.hookline.contracts.delivery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What one attempt came to: success, a retry to come, a failure with no retry (bad template, disabled), or exhausted. */
public enum Outcome {
    SUCCEEDED, RETRYING, FAILED, DEAD;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Outcome fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
