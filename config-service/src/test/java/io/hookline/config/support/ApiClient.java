package io.hookline.config.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.json.Json;
import io.hookline.service.openapi.OpenApiDocumentController;
import io.hookline.testkit.openapi.HttpExchange;
import io.hookline.testkit.openapi.OpenApiContract;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain JDK HTTP client for the API: sends exactly the bytes a test gives and never throws on a status. Every
 * exchange is checked against the service's OpenAPI document, so a test fails when the document does not tell the
 * truth about what it saw.
 */
public final class ApiClient {

    public static final OpenApiContract CONTRACT = OpenApiContract.fromClasspath(OpenApiDocumentController.RESOURCE)
            .summarizedAtExit();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;

    ApiClient(String baseUrl) {
        this(baseUrl, null);
    }

    private ApiClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public ApiClient withToken(String secret) {
        return new ApiClient(baseUrl, secret);
    }

    public Response get(String path) {
        return send("GET", path, (byte[]) null);
    }

    public Response delete(String path) {
        return send("DELETE", path, (byte[]) null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    /** Creates a webhook that must be accepted, and answers its id. */
    public String createWebhook(String json) {
        Response created = post("/api/v1/webhooks", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    public Response put(String path, String json) {
        return send("PUT", path, json);
    }

    public Response patch(String path, String json) {
        return send("PATCH", path, json);
    }

    public Response send(String method, String path, String json, String... headers) {
        return send(method, path, json == null ? null : json.getBytes(StandardCharsets.UTF_8), headers);
    }

    public Response send(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> response = HTTP.send(sent, HttpResponse.BodyHandlers.ofString());
            CONTRACT.check(new HttpExchange(method, path, sent.headers().map(),
                    body == null ? null : new String(body, StandardCharsets.UTF_8), response.statusCode(),
                    response.headers().map(), response.body()));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    /** One answer: status, headers and the body as text and as JSON. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
