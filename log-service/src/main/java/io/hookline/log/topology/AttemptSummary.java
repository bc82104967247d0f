package io.hookline.log.topology;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.json.Json;
import java.time.Instant;

/**
 * The fields of a delivery-log record that the stores index and fold into state. Binding only these lets the parser
 * skip the request, response and event bodies without decoding them: most of an attempt's bytes. Ignoring unknown
 * properties by annotation is what makes Jackson skip them; otherwise it buffers them for a creator, decoded.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AttemptSummary(String deliveryId, String webhookId, String tenant, int attempt, Instant timestamp,
                      Integer statusCode, long durationMs, Outcome outcome, String error, String eventType) {

    static AttemptSummary fromBytes(byte[] bytes) {
        return Json.fromBytes(bytes, AttemptSummary.class);
    }

    IndexEntry indexEntry() {
        return new IndexEntry(deliveryId, attempt, outcome, statusCode, eventType, durationMs);
    }
}
