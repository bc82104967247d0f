package io.hookline.config.api;

import io.hookline.config.error.ProblemException;

/** The {@code If-Match} header as a webhook version: the ETag a GET returned, {@code "3"}, {@code W/"3"} or 3. */
final class IfMatch {

    private IfMatch() {
    }

    static Long version(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be the ETag of a webhook (its version), was " + header);
        }
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
