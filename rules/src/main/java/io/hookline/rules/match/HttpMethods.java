package io.hookline.rules.match;

import java.util.List;

/** The methods a webhook may send with (CONTRACT.md section 5, {@code http_method}). */
public final class HttpMethods {

    public static final List<String> ALL = List.of("POST", "GET", "PUT", "PATCH", "DELETE", "OPTIONS");

    private HttpMethods() {
    }
}
