package io.hookline.config.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A write Kafka refuses is a 503 problem the client may retry, never a 500, and nothing is stored. */
class KafkaRefusalTest {

    private static ConfigServiceInstance instance;
    private static ApiClient client;

    @BeforeAll
    static void start() {
        // The writer's transaction timeout is its write timeout: above the broker's transaction.max.timeout.ms
        // (15 minutes by default), the broker refuses every transaction this instance begins.
        instance = ConfigServiceInstance.start("refusal", Map.of("hookline.store.write-timeout", "16m"));
        client = instance.admin();
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    @Test
    void shouldAnswer503ProblemWithRetryAfterWhenKafkaRefusesAWrite() {
        // When
        var refused = client.post("/api/v1/webhooks", "{\"name\": \"refused\", \"url\": \"https://a.io\"}");

        // Then
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.json().get("status").asInt()).isEqualTo(503);
        assertThat(refused.json().get("detail").asText()).isEqualTo("Kafka refused the change; try again");
        assertThat(client.get("/api/v1/webhooks").json().get("count").asInt()).isZero();
    }
}
