package io.hookline.matcher.index;

import io.hookline.contracts.json.Json;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;

/**
 * Reads a compacted topic's JSON values so that one unreadable record is logged and skipped (read as a tombstone)
 * instead of stopping the view that every event waits for.
 */
public final class LenientJson {

    private LenientJson() {
    }

    /** {@code consequence} ends the log line: what skipping the record means to the reader. */
    public static <T> Deserializer<T> deserializer(Class<T> type, Logger log, String consequence) {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return Json.fromBytes(bytes, type);
            } catch (RuntimeException e) {
                log.error("An unreadable {} on {} is ignored: {}", type.getSimpleName(), topic, consequence, e);
                return null;
            }
        };
    }
}
