package io.hookline.dispatcher.http;

import java.util.Map;

/** A response with its body cut at the cap. */
public record CappedResponse(int statusCode, Map<String, String> headers, String body, boolean truncated) {
}
