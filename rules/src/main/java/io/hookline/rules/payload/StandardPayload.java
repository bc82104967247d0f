package io.hookline.rules.payload;

import java.util.Map;

/**
 * The body of a request whose payload is the event itself, and the headers its format adds (a content type, and in
 * CloudEvents binary mode the {@code ce-*} attributes). The webhook's configured headers go over these.
 */
public record StandardPayload(String body, Map<String, String> headers) {

    public StandardPayload {
        headers = Map.copyOf(headers);
    }
}
