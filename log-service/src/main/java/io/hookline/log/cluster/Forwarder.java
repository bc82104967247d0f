package io.hookline.log.cluster;

import io.hookline.log.LogSettings;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Sends a query on to the instance that owns its data, with the caller's token, and marks it as forwarded so the
 * receiver answers from its own stores and never forwards again.
 */
@Singleton
public final class Forwarder {

    /** Marks a request one instance sent to another; the receiver answers locally or with 503, never forwards. */
    public static final String FORWARDED_HEADER = "X-Hookline-Forwarded";
    public static final String FORWARDED_HOST = "X-Forwarded-Host";
    public static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client;
    private final Duration timeout;

    public Forwarder(LogSettings settings) {
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = settings.forwardTimeout();
    }

    public static boolean isForwarded(HttpRequest<?> request) {
        return request.getHeaders().contains(FORWARDED_HEADER);
    }

    /** The same method, path and query on another instance; its answer is passed back as it is. */
    public MutableHttpResponse<byte[]> forward(HostInfo host, HttpRequest<?> request) {
        String pathAndQuery = request.getUri().getRawPath()
                + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery());
        java.net.http.HttpResponse<byte[]> answer = send(host, pathAndQuery, request.getMethodName(), request);
        MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>status(HttpStatus.valueOf(answer.statusCode()))
                .body(answer.body());
        answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(response::contentType);
        answer.headers().firstValue(HttpHeaders.RETRY_AFTER).ifPresent(value -> response.header(HttpHeaders.RETRY_AFTER,
                value));
        return response;
    }

    /** A GET of an internal path on another instance; the body when it answers 200. */
    public byte[] get(HostInfo host, String pathAndQuery, HttpRequest<?> original) {
        java.net.http.HttpResponse<byte[]> answer = send(host, pathAndQuery, "GET", original);
        if (answer.statusCode() != HttpStatus.OK.getCode()) {
            throw new StoreUnavailableException("Instance " + host.host() + ":" + host.port() + " answered "
                    + answer.statusCode() + " to " + pathAndQuery);
        }
        return answer.body();
    }

    private java.net.http.HttpResponse<byte[]> send(HostInfo host, String pathAndQuery, String method,
                                                    HttpRequest<?> original) {
        URI target = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
        var builder = java.net.http.HttpRequest.newBuilder(target).timeout(timeout)
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                .header(FORWARDED_HEADER, "true")
                .header(FORWARDED_HOST, publicHost(original))
                .header(FORWARDED_PROTO, publicScheme(original));
        original.getHeaders().findFirst(HttpHeaders.AUTHORIZATION)
                .ifPresent(value -> builder.header(HttpHeaders.AUTHORIZATION, value));
        try {
            return client.send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new StoreUnavailableException("Cannot reach instance " + host.host() + ":" + host.port(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while forwarding to " + host.host(), e);
        }
    }

    /** The host the caller used, also behind a forward, for absolute links. */
    public static String publicHost(HttpRequest<?> request) {
        return Optional.ofNullable(request.getHeaders().get(FORWARDED_HOST))
                .or(() -> Optional.ofNullable(request.getHeaders().get(HttpHeaders.HOST)))
                .orElse("localhost");
    }

    public static String publicScheme(HttpRequest<?> request) {
        return Optional.ofNullable(request.getHeaders().get(FORWARDED_PROTO)).orElse("http");
    }
}
