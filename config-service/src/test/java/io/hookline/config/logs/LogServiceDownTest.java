package io.hookline.config.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.config.support.ConfigServiceInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LogServiceDownTest {

    private static final int CLOSED_PORT = closedPort();

    private static ConfigServiceInstance service;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("log-service-down",
                Map.of("hookline.log-service.url", "http://127.0.0.1:" + CLOSED_PORT,
                        "hookline.log-service.timeout", "2s"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldAnswer503WithRetryAfterAndNoInternalDetailWhenLogServiceIsUnreachable() {
        var response = service.admin().get("/api/v1/webhooks/WH1/responses?page=2");

        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(response.body()).doesNotContain(String.valueOf(CLOSED_PORT), "127.0.0.1", "Exception",
                "java.", "Connect");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
