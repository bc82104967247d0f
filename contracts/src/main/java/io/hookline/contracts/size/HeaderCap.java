package io.hookline.contracts.size;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the first headers of a response (or request) for its log record, up to a count and a number of bytes, and
 * says what was left out under {@link #MARKER}, a name no real header can have (HTTP names never hold parentheses).
 */
public final class HeaderCap {

    public static final int MAX_HEADERS = 50;
    public static final int MAX_BYTES = 8 * 1024;
    public static final String MARKER = "(truncated)";

    private HeaderCap() {
    }

    public static Map<String, String> cap(Map<String, String> headers) {
        return cap(headers, MAX_HEADERS, MAX_BYTES);
    }

    public static Map<String, String> cap(Map<String, String> headers, int maxHeaders, int maxBytes) {
        if (headers == null || headers.isEmpty()) {
            return headers;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        int bytes = 0;
        long totalBytes = 0;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            int size = Utf8Cap.length(header.getKey()) + Utf8Cap.length(header.getValue());
            totalBytes += size;
            // A header too large to fit is skipped, so the small ones after it (Retry-After, ...) are still kept.
            if (kept.size() < maxHeaders && bytes + size <= maxBytes) {
                kept.put(header.getKey(), header.getValue());
                bytes += size;
            }
        }
        if (kept.size() == headers.size()) {
            return headers;
        }
        kept.put(MARKER, "kept " + kept.size() + " of " + headers.size() + " headers, " + bytes + " of "
                + totalBytes + " bytes");
        return kept;
    }
}
