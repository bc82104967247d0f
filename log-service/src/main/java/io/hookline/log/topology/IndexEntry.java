package io.hookline.log.topology;

import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.json.Json;

/**
 * What the index keeps of one attempt: enough to filter, count and compute stats without reading the attempt's
 * bodies, and to find the whole attempt in {@link LogStores#ATTEMPT_RECORDS}.
 */
public record IndexEntry(String deliveryId, int attempt, Outcome outcome, Integer statusCode, String eventType,
                         long durationMs) {

    public byte[] toBytes() {
        return Json.toBytes(this);
    }

    public static IndexEntry fromBytes(byte[] bytes) {
        return Json.fromBytes(bytes, IndexEntry.class);
    }
}
