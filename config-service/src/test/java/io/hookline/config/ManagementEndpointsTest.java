package io.hookline.config;

import static org.assertj.core.api.Assertions.assertThat;

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
        return Map.of("hookline.kafka.bootstrap-servers", SharedKafka.bootstrapServers(),
                "hookline.kafka.topic-prefix", SharedKafka.uniqueName("mgmt") + ".");
    }

    @Test
    void shouldReportHealthUp() {
        String body = client.toBlocking().retrieve(HttpRequest.GET("/health"));
        assertThat(body).contains("\"status\":\"UP\"");
    }

    @Test
    void shouldExposePrometheusMetrics() {
        String body = client.toBlocking().retrieve(HttpRequest.GET("/prometheus"));
        assertThat(body).contains("jvm_memory_used_bytes");
    }
}
