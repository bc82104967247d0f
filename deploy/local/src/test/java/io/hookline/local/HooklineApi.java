package io.hookline.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small client for the end-to-end tests: JSON in, status and JSON out, with the admin token. */
final class HooklineApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String token;

    HooklineApi(String token) {
        this.token = token;
    }

    Reply post(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply patch(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
    }

    Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? null : Json.MAPPER.readTree(response.body());
            return new Reply(response.statusCode(), body, response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, JsonNode json, String text) {
    }
}
