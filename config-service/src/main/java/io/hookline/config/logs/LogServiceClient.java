package io.hookline.config.logs;

import io.hookline.config.error.ProblemException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends a read to log-service and brings back its answer; an unreachable log-service is a 503 with Retry-After. */
@Singleton
public final class LogServiceClient {

    private static final Logger LOG = LoggerFactory.getLogger(LogServiceClient.class);

    private final LogServiceSettings settings;
    private final HttpClient http;

    public LogServiceClient(LogServiceSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * GETs {@code pathAndQuery} (already encoded) from log-service.
     *
     * @param headers the caller's headers to pass on (its Authorization, the public host for page links)
     */
    public LogServiceAnswer get(String pathAndQuery, Map<String, String> headers) {
        URI target = URI.create(stripSlash(settings.url().toString()) + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(settings.timeout()).GET();
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new LogServiceAnswer(response.statusCode(),
                    response.headers().firstValue("Content-Type"),
                    response.headers().firstValue("Retry-After"),
                    response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    private static ProblemException unavailable(Exception cause) {
        // The cause stays in the log: its text names internal hosts and ports the caller has no business seeing.
        LOG.warn("log-service did not answer: {}", cause.toString());
        return ProblemException.unavailable("the delivery log is not available right now", cause);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
