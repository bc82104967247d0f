package io.hookline.cluster.faults;

import io.hookline.contracts.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Creates webhooks through config-service's REST API (CONTRACT.md section 5), with the admin token. */
final class WebhookApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String configUrl;
    private final String token;

    WebhookApi(String configUrl, String token) {
        this.configUrl = configUrl;
        this.token = token;
    }

    /** Creates a webhook for the given event type pattern and returns its id. */
    String create(String name, String url, String eventTypes) throws IOException, InterruptedException {
        String body = """
                {"name":"%s","url":"%s","event_types":["%s"]}""".formatted(name, url, eventTypes);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(configUrl + "/api/v1/webhooks/"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Creating webhook " + name + ": " + response.statusCode() + " "
                    + response.body());
        }
        return Json.MAPPER.readTree(response.body()).get("id").asText();
    }
}
