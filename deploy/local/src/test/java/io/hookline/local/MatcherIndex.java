package io.hookline.local;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The matcher applies webhook changes a moment after config-service acknowledges them (it reads them from
 * {@code webhook-config} into its global store): an event accepted before that moment is matched without the change.
 * Tests that post an event right after creating a webhook first wait here for the matcher to hold it.
 */
final class MatcherIndex {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String GAUGE = "hookline_matcher_webhooks";

    private MatcherIndex() {
    }

    static void awaitWebhooks(String matcherUrl, int count, Duration timeout) {
        await().atMost(timeout).ignoreExceptions().until(() -> indexed(matcherUrl) >= count);
    }

    private static double indexed(String matcherUrl) throws IOException, InterruptedException {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(matcherUrl + "/prometheus"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines()
                .filter(line -> line.startsWith(GAUGE + " ") || line.startsWith(GAUGE + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(-1);
    }
}
