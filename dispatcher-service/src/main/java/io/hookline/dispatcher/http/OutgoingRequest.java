package io.hookline.dispatcher.http;

import java.util.Map;

/** One HTTP request as it goes on the wire: headers in sending order, secrets in clear (never log this). */
public record OutgoingRequest(String method, String url, Map<String, String> headers, String body, int timeoutMs) {
}
