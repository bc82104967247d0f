package io.hookline.config.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The requests of Grafana OnCall's outgoing-webhooks API reference, sent as written, answered in its shape. */
class OnCallCompatibilityTest {

    private static final List<String> ONCALL_FIELDS = List.of("id", "name", "is_webhook_enabled", "team", "data",
            "username", "password", "authorization_header", "trigger_template", "headers", "url", "forward_all",
            "http_method", "trigger_type", "integration_filter");

    private static ConfigServiceInstance service;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("oncall");
        api = service.admin();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldCreateAsTheOnCallExampleAndAnswerInItsShape() {
        var created = api.post("/api/v1/webhooks/", """
                {
                    "name": "New Webhook",
                    "url": "https://example.com",
                    "http_method": "POST",
                    "trigger_type" : "resolve"
                  }""");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(fieldNames(body)).containsAll(ONCALL_FIELDS);
        assertThat(body.get("id").asText()).startsWith("WH");
        assertThat(body.get("name").asText()).isEqualTo("New Webhook");
        assertThat(body.get("is_webhook_enabled").asBoolean()).isTrue();
        assertThat(body.get("team").isNull()).isTrue();
        assertThat(body.get("data").isNull()).isTrue();
        assertThat(body.get("username").isNull()).isTrue();
        assertThat(body.get("password").isNull()).isTrue();
        assertThat(body.get("authorization_header").isNull()).isTrue();
        assertThat(body.get("trigger_template").isNull()).isTrue();
        assertThat(body.get("headers").isNull()).isTrue();
        assertThat(body.get("url").asText()).isEqualTo("https://example.com");
        assertThat(body.get("forward_all").asBoolean()).isTrue();
        assertThat(body.get("http_method").asText()).isEqualTo("POST");
        assertThat(body.get("trigger_type").asText()).isEqualTo("resolve");
        assertThat(body.get("integration_filter").isNull()).isTrue();
        assertThat(body.get("is_legacy").asBoolean()).isFalse();
        assertThat(body.get("signing_secret").asText()).startsWith("whsec_");
    }

    @Test
    void shouldUpdateOnlyTheGivenFieldsWithPutAsOnCallDoes() {
        String id = api.post("/api/v1/webhooks/", """
                {"name": "Put Webhook", "url": "https://example.com", "http_method": "POST", "trigger_type": "resolve"}
                """).json().get("id").asText();

        var updated = api.put("/api/v1/webhooks/" + id + "/", """
                {
                    "is_webhook_enabled": false
                  }""");

        assertThat(updated.status()).isEqualTo(200);
        JsonNode body = updated.json();
        assertThat(fieldNames(body)).containsAll(ONCALL_FIELDS);
        assertThat(body.get("is_webhook_enabled").asBoolean()).isFalse();
        assertThat(body.get("name").asText()).isEqualTo("Put Webhook");
        assertThat(body.get("trigger_type").asText()).isEqualTo("resolve");
        assertThat(body.get("forward_all").asBoolean()).isTrue();
        assertThat(body.get("url").asText()).isEqualTo("https://example.com");
    }

    @Test
    void shouldListAndGetAsTheOnCallExamplesWithSecretsMasked() {
        String id = api.post("/api/v1/webhooks/", """
                {"name": "Demo Webhook", "url": "https://example.com", "trigger_type": "acknowledge",
                 "data": "{\\"labels\\" : {{ alert_payload.commonLabels | tojson()}}}",
                 "authorization_header": "Bearer s3cret", "integration_filter": ["CRV8A5MXC751A"]}
                """).json().get("id").asText();

        var list = api.get("/api/v1/webhooks/");
        var one = api.get("/api/v1/webhooks/" + id + "/");

        assertThat(list.status()).isEqualTo(200);
        JsonNode page = list.json();
        assertThat(fieldNames(page)).containsExactly("next", "previous", "results", "page_size", "count",
                "current_page_number", "total_pages");
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("previous").isNull()).isTrue();
        assertThat(page.get("page_size").asInt()).isEqualTo(50);
        assertThat(page.get("current_page_number").asInt()).isEqualTo(1);
        assertThat(page.get("total_pages").asInt()).isEqualTo(1);
        assertThat(page.get("count").asInt()).isEqualTo(page.get("results").size());
        JsonNode listed = findById(page.get("results"), id);
        assertThat(listed.get("authorization_header").asText()).isEqualTo("****************");
        assertThat(listed.get("forward_all").asBoolean()).isFalse();
        assertThat(listed.get("integration_filter").get(0).asText()).isEqualTo("CRV8A5MXC751A");
        assertThat(listed.get("signing_secret").asText()).isEqualTo("****************");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json()).isEqualTo(listed);
        assertThat(fieldNames(one.json())).startsWith("id", "name", "is_webhook_enabled");
    }

    @Test
    void shouldDeleteAsTheOnCallExample() {
        String id = api.post("/api/v1/webhooks/", """
                {"name": "Doomed", "url": "https://example.com", "trigger_type": "resolve"}
                """).json().get("id").asText();

        var deleted = api.delete("/api/v1/webhooks/" + id + "/");

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/webhooks/" + id + "/").status()).isEqualTo(404);
    }

    private static JsonNode findById(JsonNode results, String id) {
        for (JsonNode result : results) {
            if (result.get("id").asText().equals(id)) {
                return result;
            }
        }
        throw new AssertionError("no webhook " + id + " in " + results);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
