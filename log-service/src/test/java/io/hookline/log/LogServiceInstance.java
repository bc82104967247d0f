package io.hookline.log;

import io.hookline.service.openapi.OpenApiDocumentController;
import io.hookline.testkit.SharedKafka;
import io.hookline.testkit.openapi.HttpExchange;
import io.hookline.testkit.openapi.OpenApiContract;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One log-service on a loopback port of its own, against the shared broker, with a given topic prefix. Every
 * exchange of its client is checked against the service's OpenAPI document.
 */
public final class LogServiceInstance implements AutoCloseable {

    public static final OpenApiContract CONTRACT = OpenApiContract.fromClasspath(OpenApiDocumentController.RESOURCE)
            .summarizedAtExit();

    public static final String ADMIN_TOKEN = "test-admin-token";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final EmbeddedServer server;
    private final int port;
    private final Path stateDir;

    private LogServiceInstance(EmbeddedServer server, int port, Path stateDir) {
        this.server = server;
        this.port = port;
        this.stateDir = stateDir;
    }

    public static LogServiceInstance start(String topicPrefix, Map<String, Object> extra) {
        int port = freePort();
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", port);
        properties.put("hookline.kafka.bootstrap-servers", SharedKafka.bootstrapServers());
        properties.put("hookline.kafka.topic-prefix", topicPrefix);
        properties.put("hookline.kafka.partitions", 4);
        properties.put("hookline.auth.admin-token", ADMIN_TOKEN);
        Path stateDir = tempDir();
        properties.put("hookline.log.state-dir", stateDir.toString());
        properties.put("hookline.log.query-wait", "10s");
        properties.putAll(extra);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        return new LogServiceInstance(server, port, stateDir);
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public int port() {
        return port;
    }

    public HttpResponse<String> get(String pathAndQuery, String token) {
        return send("GET", pathAndQuery, token);
    }

    public HttpResponse<String> post(String pathAndQuery, String token) {
        return send("POST", pathAndQuery, token);
    }

    public HttpResponse<String> send(String method, String pathAndQuery, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> response = CLIENT.send(sent, HttpResponse.BodyHandlers.ofString());
            CONTRACT.check(new HttpExchange(method, pathAndQuery, sent.headers().map(), null, response.statusCode(),
                    response.headers().map(), response.body()));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        deleteRecursively(stateDir);
    }

    public static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("hookline-log-state");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
