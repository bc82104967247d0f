package io.hookline.dispatcher.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.size.HeaderCap;
import io.hookline.contracts.size.SizeLimits;
import io.hookline.contracts.size.Utf8Cap;
import io.hookline.dispatcher.http.HttpOutcome;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the {@code hookline.webhook.response} CloudEvent of one answered attempt: the body parsed when it is JSON
 * (else kept as text), capped at 64 KiB with {@code body_truncated}, headers capped like in attempt records. A record
 * that would still exceed the attempt record size (a body JSON escapes six-fold, very long event attributes) is cut
 * further, so that it always fits the broker's limit.
 */
public final class ResponseRecords {

    public static final String TYPE = "hookline.webhook.response";
    private static final String SOURCE = "/hookline/dispatcher";
    private static final int SHORT_BODY_BYTES = 16 * 1024;
    private static final int SHORT_TEXT_BYTES = 1024;

    private ResponseRecords() {
    }

    /** The record's key: the event's subject, else its id. */
    public static String key(DeliveryJob job) {
        String subject = job.eventSubject();
        return subject == null || subject.isEmpty() ? job.eventId() : subject;
    }

    public static byte[] event(DeliveryJob job, HttpOutcome http, Instant now) {
        String body = http.responseBody();
        boolean truncated = http.responseBodyTruncated() || Utf8Cap.exceeds(body, SizeLimits.BODY_CAP_BYTES);
        ObjectNode event = event(job, http, Utf8Cap.cap(body, SizeLimits.BODY_CAP_BYTES), truncated,
                HeaderCap.cap(http.responseHeaders()), now, Integer.MAX_VALUE);
        byte[] json = Json.toBytes(event);
        if (json.length <= SizeLimits.ATTEMPT_MAX_BYTES) {
            return json;
        }
        return Json.toBytes(event(job, http, Utf8Cap.cap(body, SHORT_BODY_BYTES), true,
                HeaderCap.cap(http.responseHeaders(), 10, 2 * 1024), now, SHORT_TEXT_BYTES));
    }

    private static ObjectNode event(DeliveryJob job, HttpOutcome http, String body, boolean truncated,
                                    Map<String, String> headers, Instant now, int textBytes) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", SOURCE);
        event.put("type", TYPE);
        event.put("time", now.toString());
        putText(event, "subject", key(job), textBytes);
        event.put("tenant", job.tenant());
        if (job.trace().traceparent() != null) {
            event.put("traceparent", job.trace().traceparent());
            if (job.trace().tracestate() != null) {
                event.put("tracestate", job.trace().tracestate());
            }
        }
        event.put("datacontenttype", "application/json");
        ObjectNode data = event.putObject("data");
        data.put("webhook_id", job.webhookId());
        data.put("delivery_id", job.deliveryId());
        putText(data, "event_id", job.eventId(), textBytes);
        putText(data, "event_type", job.eventType(), textBytes);
        putText(data, "subject", job.eventSubject(), textBytes);
        putText(data, "url", job.url(), textBytes);
        data.put("attempt", job.attempt());
        data.put("status_code", http.statusCode());
        data.set("headers", Json.MAPPER.valueToTree(headers));
        data.set("body", parsed(body, truncated));
        data.put("body_truncated", truncated);
        return event;
    }

    /** A cut body is no longer valid JSON, so it stays text; an empty body is null. */
    static JsonNode parsed(String body, boolean truncated) {
        if (body == null || body.isEmpty()) {
            return Json.MAPPER.nullNode();
        }
        if (!truncated) {
            try {
                JsonNode node = Json.MAPPER.readTree(body);
                if (node != null && !node.isMissingNode()) {
                    return node;
                }
            } catch (JsonProcessingException notJson) {
                // Plain text, HTML, or anything else: kept as it came.
            }
        }
        return Json.MAPPER.getNodeFactory().textNode(body);
    }

    private static void putText(ObjectNode node, String field, String value, int maxBytes) {
        node.put(field, maxBytes == Integer.MAX_VALUE ? value : Utf8Cap.cap(value, maxBytes));
    }
}
