package io.hookline.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.testkit.SharedKafka;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementEndpointsTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        // Only what the lead's end-to-end setup gives: the broker, the secrets key and local mode.
        return Map.of("hookline.kafka.bootstrap-servers", SharedKafka.bootstrapServers(),
                "hookline.kafka.topic-prefix", SharedKafka.uniqueName("mgmt") + ".",
                "hookline.secrets.key", SecretCipher.generateBase64Key(),
                "hookline.local-mode", "true",
                "hookline.dispatcher.group-id", SharedKafka.uniqueName("mgmt"));
    }

    @Test
    void shouldReportHealthUpWithTheConsumerAndTheWebhookView() {
        String body = await().atMost(java.time.Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> client.toBlocking().retrieve(HttpRequest.GET("/health")),
                        found -> found.contains("\"status\":\"UP\""));
        assertThat(body).contains("dispatcher-consumer").contains("webhook-directory");
    }

    @Test
    void shouldExposeDispatcherMetrics() {
        String body = client.toBlocking().retrieve(HttpRequest.GET("/prometheus"));
        assertThat(body).contains("hookline_dispatcher_attempts_total").contains("hookline_dispatcher_requests_in_flight");
    }
}
