package io.hookline.contracts.size;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;

/**
 * The dead letter ({@code webhook-deliveries-dlq}) of a job too large to write whole: the job without its body and
 * its copy of the event (named under {@code dropped}, with their sizes), headers capped, {@code error: oversized} and
 * the detail in {@code last_error}. It is small whatever the job was, so it always fits.
 */
public final class OversizedJob {

    public static final String REASON = "oversized";
    private static final int SHORT_TEXT_BYTES = 1024;

    private OversizedJob() {
    }

    /** What a log record or a dead letter says about a job of {@code bytes} that exceeds {@code limit}. */
    public static String detail(String what, long bytes, long limit) {
        return REASON + ": " + what + " is " + bytes + " bytes, more than the " + limit
                + " bytes a record may have (see hookline.events.max-bytes)";
    }

    public static ObjectNode deadLetter(DeliveryJob job, String detail) {
        String error = Utf8Cap.cap(detail, SizeLimits.ERROR_MAX_BYTES);
        ObjectNode node = Json.MAPPER.valueToTree(trimmed(job, error, false));
        if (Json.toBytes(node).length > SizeLimits.ATTEMPT_MAX_BYTES) {
            node = Json.MAPPER.valueToTree(trimmed(job, error, true));
        }
        node.put("error", REASON);
        ArrayNode dropped = node.putArray("dropped");
        if (job.body() != null) {
            dropped.add("body");
            node.put("body_bytes", Utf8Cap.length(job.body()));
        }
        if (job.eventData() != null) {
            dropped.add("event_data");
            node.put("event_data_bytes", Utf8Cap.length(job.eventData()));
        }
        return node;
    }

    private static DeliveryJob trimmed(DeliveryJob job, String error, boolean shortTexts) {
        return new DeliveryJob(job.deliveryId(), job.webhookId(), job.webhookVersion(), job.tenant(),
                text(job.url(), shortTexts), job.method(), HeaderCap.cap(job.headers()), null,
                text(job.eventId(), shortTexts), text(job.eventType(), shortTexts),
                text(job.eventSubject(), shortTexts), text(job.trigger(), shortTexts), null, job.position(),
                job.ordering(), job.attempt(), job.maxRetries(), job.timeoutMs(), job.createdAt(), job.dueAt(), error,
                job.redeliveryOf(), job.eventTime(), job.trace(), text(job.endpointUrl(), shortTexts));
    }

    private static String text(String value, boolean cut) {
        return cut ? Utf8Cap.cap(value, SHORT_TEXT_BYTES) : value;
    }
}
