package io.hookline.config.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code hookline.limits.*}: each limit, set low here, answers a problem naming the field and the setting. */
class WebhookLimitsTest {

    private static ConfigServiceInstance service;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("limits", Map.of(
                "hookline.limits.webhooks-per-tenant", 3,
                "hookline.limits.headers-per-webhook", 2,
                "hookline.limits.template-chars", 40,
                "hookline.limits.url-chars", 40,
                "hookline.limits.urls-per-webhook", 1));
        api = service.admin();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            too many headers      | {"name": "x", "url": "https://a.io", "headers": {"A": "1", "B": "2", "C": "3"}} | headers           | at most 2 headers
            long header template  | {"name": "x", "url": "https://a.io", "headers": {"A": "{{ cloudevent.subject }}{{ cloudevent.id }}"}} | headers.A | at most 40 characters
            long headers template | {"name": "x", "url": "https://a.io", "headers": "{{ cloudevent.subject }}{{ cloudevent.id }}{{ x }}"} | headers | at most 40 characters
            long data template    | {"name": "x", "url": "https://a.io", "data": "{\\"subject\\": {{ cloudevent.subject }}{{ cloudevent.id }}}"} | data | at most 40 characters
            long trigger template | {"name": "x", "url": "https://a.io", "trigger_template": "{{ cloudevent.subject == 'INC-1234567890' }}"} | trigger_template | at most 40 characters
            long url              | {"name": "x", "url": "https://example.com/a/rather/long/path/to/a/hook"} | url | at most 40 characters
            long url in urls      | {"name": "x", "url": "https://a.io", "urls": ["https://example.com/a/rather/long/path/to/a/hook"]} | urls[0] | at most 40 characters
            too many urls         | {"name": "x", "url": "https://a.io", "urls": ["https://b.io", "https://c.io"]} | urls | at most 1 URLs
            """)
    void shouldRefuseAWebhookOverALimitWithTheField(String limit, String body, String field, String message) {
        var response = api.post("/api/v1/webhooks", body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("message").asText()).contains(message);
    }

    @Test
    void shouldRefuseAnUpdateOverALimitToo() {
        String id = api.createWebhook("{\"name\": \"patched over\", \"url\": \"https://a.io\"}");

        var patched = api.patch("/api/v1/webhooks/" + id, "{\"headers\": {\"A\": \"1\", \"B\": \"2\", \"C\": \"3\"}}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(400);
        assertThat(patched.json().get("errors").get(0).get("field").asText()).isEqualTo("headers");
        api.delete("/api/v1/webhooks/" + id);
    }

    @Test
    void shouldAnswer409BeyondTheWebhooksOfATenantAndAcceptOneMoreAfterADelete() {
        // Given a tenant that holds as many webhooks as allowed
        String acme = api.post("/api/v1/tokens",
                "{\"name\": \"acme\", \"tenant\": \"acme\", \"scopes\": [\"webhooks:read\", \"webhooks:write\"]}")
                .json().get("token").asText();
        ApiClient tenant = service.client().withToken(acme);
        String first = tenant.createWebhook("{\"name\": \"one\", \"url\": \"https://a.io\"}");
        tenant.createWebhook("{\"name\": \"two\", \"url\": \"https://a.io\"}");
        tenant.createWebhook("{\"name\": \"three\", \"url\": \"https://a.io\"}");

        // When it creates one more
        var refused = tenant.post("/api/v1/webhooks", "{\"name\": \"four\", \"url\": \"https://a.io\"}");

        // Then it gets a 409 problem naming the setting; after a delete there is room again
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("hookline.limits.webhooks-per-tenant");
        assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("3 webhooks");
        assertThat(tenant.delete("/api/v1/webhooks/" + first).status()).isEqualTo(204);
        assertThat(tenant.post("/api/v1/webhooks", "{\"name\": \"four\", \"url\": \"https://a.io\"}").status())
                .isEqualTo(201);
    }
}
