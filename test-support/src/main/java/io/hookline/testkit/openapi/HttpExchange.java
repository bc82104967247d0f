package io.hookline.testkit.openapi;

import java.util.List;
import java.util.Map;

/**
 * One request a test sent and the response it got, as checked against an OpenAPI document.
 *
 * @param pathAndQuery the request target, such as {@code /api/v1/webhooks/?page=2}
 * @param requestBody  null when the request had none
 */
public record HttpExchange(String method, String pathAndQuery, Map<String, List<String>> requestHeaders,
                           String requestBody, int status, Map<String, List<String>> responseHeaders,
                           String responseBody) {

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return method + " " + pathAndQuery + " -> " + status;
    }
}
