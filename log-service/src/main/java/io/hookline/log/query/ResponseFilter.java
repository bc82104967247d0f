package io.hookline.log.query;

import io.hookline.contracts.delivery.Outcome;
import io.hookline.log.topology.IndexEntry;
import java.time.Instant;
import java.util.Objects;

/**
 * The filters of {@code GET /webhooks/{id}/responses}; null means "any". {@code from} and {@code to} are inclusive.
 */
public record ResponseFilter(Outcome outcome, Integer statusCode, String eventType, Instant from, Instant to) {

    public static final ResponseFilter NONE = new ResponseFilter(null, null, null, null, null);

    boolean matches(IndexEntry entry) {
        return (outcome == null || outcome == entry.outcome())
                && (statusCode == null || statusCode.equals(entry.statusCode()))
                && (eventType == null || Objects.equals(eventType, entry.eventType()));
    }
}
