package io.hookline.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.config.support.ConfigServiceInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /prometheus} is scraped anonymously: no label may carry a webhook's id, name or URL (CONTRACT.md section 1). */
class TenantFreeMetricsTest {

    private static final Pattern LABEL_VALUE = Pattern.compile("=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static ConfigServiceInstance service;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("metrics");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldNameRoutesNotWebhooksInTheRequestMetrics() {
        // Given a webhook read, changed, asked for without a token, and ids and paths that match nothing
        String id = service.admin().createWebhook("""
                {"name": "payroll-alerts", "url": "https://hooks.tenant.example/services/T0/B0/sekrit?token=abc",
                 "event_types": ["incident.*"]}""");
        service.admin().get("/api/v1/webhooks/" + id);
        service.admin().patch("/api/v1/webhooks/" + id, "{\"description\": \"changed\"}");
        service.client().get("/api/v1/webhooks/" + id);
        service.admin().get("/api/v1/webhooks/WHnosuchwebhook");
        service.admin().get("/no/such/route/" + id);

        // When
        String scraped = service.client().get("/prometheus").body();

        // Then the request metrics are there, labelled with route templates only
        assertThat(scraped).contains("http_server_requests", "uri=\"/api/v1/webhooks/{id}\"");
        List<String> labelValues = new ArrayList<>();
        Matcher values = LABEL_VALUE.matcher(scraped);
        while (values.find()) {
            labelValues.add(values.group(1));
        }
        assertThat(labelValues).isNotEmpty().noneMatch(value -> value.contains(id) || value.contains("payroll")
                || value.contains("tenant.example") || value.contains("sekrit") || value.contains("nosuchwebhook")
                || value.contains("/no/such/route"));
    }
}
