package io.hookline.dispatcher.http;

import java.util.Map;

/**
 * What came back for one request: a response (any status) or a failure classified for the log.
 *
 * @param errorClass {@code timeout}, {@code connection_refused}, {@code connection_reset}, {@code tls}, {@code dns},
 *                   {@code dns_timeout}, {@code ssrf_blocked}, {@code connection}; null when a response arrived
 */
public record HttpOutcome(
        Integer statusCode,
        Map<String, String> responseHeaders,
        String responseBody,
        boolean responseBodyTruncated,
        long durationMs,
        String errorClass,
        String error) {

    public static HttpOutcome response(CappedResponse response, long durationMs) {
        return new HttpOutcome(response.statusCode(), response.headers(), response.body(), response.truncated(),
                durationMs, null, null);
    }

    public static HttpOutcome failure(String errorClass, String error, long durationMs) {
        return new HttpOutcome(null, Map.of(), null, false, durationMs, errorClass, error);
    }

    public boolean isSuccess() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    public String header(String name) {
        return responseHeaders.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }
}
