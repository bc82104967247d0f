package io.hookline.rules.match;

import java.util.List;
import java.util.Map;

/**
 * What a webhook sends for one event, before the dispatcher adds signature, authentication and user-agent headers.
 *
 * @param urls     every endpoint, {@code url} first; each gets the same request
 * @param headers  the configured headers, rendered
 * @param bodyMode how the body was made
 */
public record RenderedRequest(String method, List<String> urls, Map<String, String> headers, String body,
                              BodyMode bodyMode) {

    public RenderedRequest {
        urls = List.copyOf(urls);
        headers = Map.copyOf(headers);
    }

    /** How the body was made: CONTRACT.md section 7's three ways, or a request template (section 5). */
    public enum BodyMode {
        /** {@code data} is null: the CloudEvent itself. */
        STANDARD,
        /** {@code forward_all}: the whole event, whatever {@code data} says. */
        FORWARD_ALL,
        /** The rendered {@code data} template. */
        TEMPLATE,
        /** The whole request (method, URL, headers, body) rendered by {@code request_template}. */
        REQUEST_TEMPLATE
    }
}
