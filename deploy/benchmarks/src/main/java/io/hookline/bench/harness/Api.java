package io.hookline.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The few REST calls the harness makes: tokens, webhooks, log stats, and the matcher's webhook gauge. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String MATCHER_GAUGE = "hookline_matcher_webhooks";

    private final StackProcess stack;

    Api(StackProcess stack) {
        this.stack = stack;
    }

    /** A token of {@code tenant} that may write webhooks and read their logs. */
    String tenantToken(String tenant) throws IOException, InterruptedException {
        var body = JSON.createObjectNode().put("name", "bench-" + tenant).put("tenant", tenant);
        body.putArray("scopes").add("webhooks:read").add("webhooks:write").add("logs:read").add("events:write");
        return send("POST", stack.configUrl() + "/api/v1/tokens", stack.adminToken(), body.toString(), 201)
                .get("token").asText();
    }

    /** Creates a webhook and returns its id. */
    String createWebhook(String token, JsonNode webhook) throws IOException, InterruptedException {
        return send("POST", stack.configUrl() + "/api/v1/webhooks/", token, webhook.toString(), 201)
                .get("id").asText();
    }

    /** Attempts log-service holds for a webhook in the last hour, all outcomes. */
    long attempts(String token, String webhookId) throws IOException, InterruptedException {
        return send("GET", stack.logUrl() + "/api/v1/webhooks/" + webhookId + "/stats?window=1h", token, null, 200)
                .path("total").asLong();
    }

    /** How many webhooks the matcher holds (its gauge); -1 before it reports one. */
    long matcherWebhooks() throws IOException, InterruptedException {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(stack.matcherUrl() + "/prometheus"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines()
                .filter(line -> line.startsWith(MATCHER_GAUGE + " ") || line.startsWith(MATCHER_GAUGE + "{"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }

    private static JsonNode send(String method, String url, String token, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            // 503: a store still loading or a write timed out on a starved machine; try again shortly.
            if (response.statusCode() != 503 || !List.of("POST", "GET").contains(method)) {
                break;
            }
            Thread.sleep(1000L * attempt);
        }
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
