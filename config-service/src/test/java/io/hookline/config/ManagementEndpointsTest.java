package io.hookline.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.config.support.ConfigServiceInstance;
import io.hookline.testkit.ManagementSurface;
import io.hookline.testkit.SharedKafka;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ManagementEndpointsTest {

    private static ConfigServiceInstance service;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("mgmt");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldReportHealthUpWithEveryKafkaComponent() {
        var response = service.client().get("/health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"", "webhook-config-view", "token-registry");
    }

    @TestFactory
    Stream<DynamicTest> shouldOpenOnlyHealthAndPrometheusToStrangers() {
        String baseUrl = service.context().getBean(EmbeddedServer.class).getURI().toString();
        return ManagementSurface.probes(baseUrl, SharedKafka.bootstrapServers());
    }

    @Test
    void shouldExposePrometheusMetrics() {
        var response = service.client().get("/prometheus");

        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }
}
