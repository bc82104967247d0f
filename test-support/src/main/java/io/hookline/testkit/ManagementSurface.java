package io.hookline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DynamicTest;

/**
 * What a stranger without a token reaches on a service's port: {@code /health} and {@code /prometheus} answer 200,
 * every other Micronaut management endpoint 401 or 404, and health shows no hostnames, addresses or exception texts.
 * Each service's test returns {@link #probes} from a {@code @TestFactory}, with its booted server's base URL.
 */
public final class ManagementSurface {

    /** Method and path of every management endpoint Micronaut and its modules know, reads and writes. */
    public static final List<Probe> CLOSED = List.of(
            new Probe("GET", "/beans"), new Probe("GET", "/routes"), new Probe("GET", "/threaddump"),
            new Probe("POST", "/refresh"), new Probe("GET", "/refresh"), new Probe("GET", "/env"),
            new Probe("GET", "/env/hookline"), new Probe("GET", "/loggers"), new Probe("GET", "/loggers/ROOT"),
            new Probe("POST", "/loggers/ROOT"), new Probe("GET", "/info"), new Probe("POST", "/stop"),
            new Probe("GET", "/metrics"), new Probe("GET", "/metrics/jvm.memory.used"), new Probe("GET", "/caches"),
            new Probe("DELETE", "/caches"), new Probe("GET", "/configprops"), new Probe("GET", "/heapdump"));

    private static final Set<Integer> REFUSED = Set.of(401, 404);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ManagementSurface() {
    }

    /** One test per closed path, one for health and one for prometheus, all without a token. */
    public static Stream<DynamicTest> probes(String baseUrl, String bootstrapServers) {
        Stream<DynamicTest> closed = CLOSED.stream().map(probe -> DynamicTest.dynamicTest(
                "should refuse " + probe + " without a token", () -> {
                    HttpResponse<String> response = send(baseUrl, probe);
                    assertTrue(REFUSED.contains(response.statusCode()),
                            probe + " answered " + response.statusCode() + ": " + head(response.body()));
                }));
        Stream<DynamicTest> open = Stream.of(
                DynamicTest.dynamicTest("should answer GET /health without a token, without details a stranger "
                        + "should not see", () -> {
                    // 503 until every Kafka part of the service runs; what a stranger sees must hold for both.
                    HttpResponse<String> response = Awaitility.await().atMost(Duration.ofSeconds(60))
                            .until(() -> send(baseUrl, new Probe("GET", "/health")), up -> up.statusCode() == 200);
                    String body = response.body();
                    for (String hidden : hiddenFromHealth(bootstrapServers)) {
                        assertFalse(body.contains(hidden), "/health shows " + hidden + ": " + body);
                    }
                }),
                DynamicTest.dynamicTest("should answer GET /prometheus without a token", () -> {
                    HttpResponse<String> response = send(baseUrl, new Probe("GET", "/prometheus"));
                    assertEquals(200, response.statusCode(), response.body());
                    assertTrue(response.body().contains("jvm_memory_used_bytes"), response.body());
                }));
        return Stream.concat(closed, open);
    }

    private static String head(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    private static List<String> hiddenFromHealth(String bootstrapServers) {
        return Stream.concat(Stream.of(bootstrapServers.split(",")),
                        Stream.of("localhost", "127.0.0.1", "Exception", "error", "diskSpace", "path", "free"))
                .toList();
    }

    private static HttpResponse<String> send(String baseUrl, Probe probe) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + probe.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(probe.method(), "GET".equals(probe.method()) ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{\"configuredLevel\":\"TRACE\",\"force\":true}"))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** One request of the probe set. */
    public record Probe(String method, String path) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
