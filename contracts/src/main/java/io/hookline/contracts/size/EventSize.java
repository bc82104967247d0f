package io.hookline.contracts.size;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The size of an event as it sits in {@code domain-events}: its value and its headers (a binary-mode event keeps its
 * attributes there). HTTP ingest and the matcher measure the same way, so an event the API took is never refused
 * further down.
 */
public final class EventSize {

    private EventSize() {
    }

    public static long of(byte[] value, Headers headers) {
        long size = value == null ? 0 : value.length;
        if (headers != null) {
            for (Header header : headers) {
                size += Utf8Cap.length(header.key()) + (header.value() == null ? 0 : header.value().length);
            }
        }
        return size;
    }
}
