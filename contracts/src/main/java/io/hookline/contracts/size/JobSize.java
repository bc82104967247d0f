package io.hookline.contracts.size;

import io.hookline.contracts.delivery.DeliveryJob;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * An upper bound of a job's size as JSON, without writing it: its texts as JSON escapes them (a control character
 * taken as six bytes) plus room for the field names, numbers and times.
 */
public final class JobSize {

    private static final int FIXED_BYTES = 1024;

    private JobSize() {
    }

    public static long of(DeliveryJob job) {
        return measure(job, JobSize::escaped);
    }

    /** Whether the job, as JSON, may exceed {@code limit} bytes; scans its texts only when their lengths can't tell. */
    public static boolean mayExceed(DeliveryJob job, long limit) {
        return measure(job, JobSize::worstCase) > limit && of(job) > limit;
    }

    private static long measure(DeliveryJob job, ToLongFunction<String> size) {
        long total = FIXED_BYTES;
        for (String text : new String[] {job.deliveryId(), job.webhookId(), job.tenant(), job.url(), job.method(),
                job.body(), job.eventId(), job.eventType(), job.eventSubject(), job.trigger(), job.eventData(),
                job.position(), job.lastError(), job.redeliveryOf(), job.trace().traceparent(),
                job.trace().tracestate()}) {
            total += size.applyAsLong(text);
        }
        if (!Objects.equals(job.endpointUrl(), job.url())) {
            total += size.applyAsLong(job.endpointUrl());
        }
        for (Map.Entry<String, String> header : job.headers().entrySet()) {
            total += size.applyAsLong(header.getKey()) + size.applyAsLong(header.getValue()) + 2;
        }
        return total;
    }

    /** No char takes more than six bytes as a JSON string ({@code \u001f}). */
    private static long worstCase(String text) {
        return text == null ? 4 : 2 + 6L * text.length();
    }

    /** The bytes of {@code text} as a JSON string, quotes included. */
    static long escaped(String text) {
        if (text == null) {
            return 4;
        }
        long bytes = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                bytes += 6;
            } else if (c == '"' || c == '\\') {
                bytes += 2;
            } else if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else {
                // A surrogate pair is 4 bytes for 2 chars; 3 per char over-counts it, which a bound may.
                bytes += 3;
            }
        }
        return bytes;
    }
}
