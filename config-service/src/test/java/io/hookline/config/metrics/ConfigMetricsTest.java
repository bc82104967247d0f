package io.hookline.config.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What config-service counts of real requests: events ingested and refused, configuration writes by kind. */
class ConfigMetricsTest {

    private static final String EVENT = """
            {"specversion":"1.0","id":"%s","source":"/incidents","type":"incident.triggered","subject":"INC-1",
             "data":{}}""";

    private static ConfigServiceInstance service;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("config-metrics");
        admin = service.admin();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldCountEventsIngestedAndRefused() {
        assertThat(admin.post("/api/v1/events", "[" + EVENT.formatted("e-1") + "," + EVENT.formatted("e-2") + "]")
                .status()).isEqualTo(202);
        assertThat(admin.post("/api/v1/events", "[" + EVENT.formatted("e-3")
                + ", {\"specversion\": \"1.0\", \"id\": \"x\"}, {\"id\": \"y\"}]").status()).isEqualTo(400);

        assertThat(count("hookline.config.events.ingested", null, null)).isEqualTo(2.0);
        assertThat(count("hookline.config.events.invalid", "reason", "invalid")).isEqualTo(2.0);
        assertThat(count("hookline.config.events.invalid", "reason", "too_large")).isZero();
    }

    @Test
    void shouldCountEachKindOfConfigurationWriteOnceWritten() {
        String id = admin.createWebhook("""
                {"name": "counted", "url": "https://example.com/hook", "event_types": ["incident.*"]}""");
        assertThat(admin.patch("/api/v1/webhooks/" + id, "{\"description\": \"changed\"}").status()).isEqualTo(200);
        assertThat(admin.patch("/api/v1/webhooks/WHnosuchwebhook", "{\"description\": \"x\"}").status())
                .isEqualTo(404);
        assertThat(admin.delete("/api/v1/webhooks/" + id).status()).isIn(200, 204);
        var token = admin.post("/api/v1/tokens", "{\"name\": \"ci\", \"scopes\": [\"webhooks:read\"]}");
        assertThat(admin.delete("/api/v1/tokens/" + token.json().get("id").asText()).status()).isIn(200, 204);

        assertThat(count("hookline.config.writes", "kind", "webhook_created")).isEqualTo(1.0);
        assertThat(count("hookline.config.writes", "kind", "webhook_updated")).isEqualTo(1.0);
        assertThat(count("hookline.config.writes", "kind", "webhook_deleted")).isEqualTo(1.0);
        assertThat(count("hookline.config.writes", "kind", "token_created")).isEqualTo(1.0);
        assertThat(count("hookline.config.writes", "kind", "token_revoked")).isEqualTo(1.0);
        assertThat(count("hookline.config.writes", "kind", "webhook_secret_rotated")).isZero();
    }

    private static double count(String name, String tag, String value) {
        var search = service.context().getBean(MeterRegistry.class).get(name);
        return (tag == null ? search : search.tag(tag, value)).counter().count();
    }
}
