package io.hookline.config.manual;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebhookPreviewTest {

    private static final String PATH = "/api/v1/webhooks/preview";
    private static final String EVENT = """
            {"specversion":"1.0","id":"evt-1","source":"/incidents","type":"incident.triggered","subject":"INC-1",
             "data":{"incident":{"id":"INC-1","title":"DB down","priority":"P1"},"service":{"name":"payments"}}}""";

    private static ConfigServiceInstance service;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("preview");
        admin = service.admin();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldRenderTheRequestsOfAMatchingWebhook() {
        // Given a webhook with two URLs, a data template and a header template
        String webhook = """
                {"name": "pager", "url": "https://example.com/a", "urls": ["https://example.com/b"],
                 "event_types": ["incident.*"], "http_method": "PUT",
                 "headers": {"X-Incident": "{{ incident.id }}", "X-Api-Key": "key-123"},
                 "data": "{\\"title\\": \\"{{ incident.title }}\\"}"}""";

        // When previewing it against a matching event
        var response = admin.post(PATH, preview(webhook, EVENT));

        // Then it matches and shows one request per URL, rendered
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("matched").asBoolean()).isTrue();
        assertThat(result.get("failed_condition").isNull()).isTrue();
        JsonNode requests = result.get("requests");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).get("method").asText()).isEqualTo("PUT");
        assertThat(requests.get(0).get("url").asText()).isEqualTo("https://example.com/a");
        assertThat(requests.get(1).get("url").asText()).isEqualTo("https://example.com/b");
        assertThat(requests.get(0).get("headers").get("X-Incident").asText()).isEqualTo("INC-1");
        assertThat(requests.get(0).get("headers").get("X-Api-Key").asText()).isEqualTo("key-123");
        assertThat(requests.get(0).get("body").asText()).isEqualTo("{\"title\": \"DB down\"}");
    }

    @Test
    void shouldNameTheConditionThatFailed() {
        // Given a webhook for other event types, and one whose filter does not hold
        String otherType = "{\"name\": \"a\", \"url\": \"https://example.com/\", \"event_types\": [\"alert_group.*\"]}";
        String filtered = """
                {"name": "b", "url": "https://example.com/", "event_types": ["*"],
                 "filter": {"field": "data.service.name", "op": "eq", "value": "billing"}}""";

        // When previewing them
        JsonNode type = admin.post(PATH, preview(otherType, EVENT)).json();
        JsonNode filter = admin.post(PATH, preview(filtered, EVENT)).json();

        // Then each names its failed condition with a reason and renders nothing
        assertThat(type.get("matched").asBoolean()).isFalse();
        assertThat(type.get("failed_condition").asText()).isEqualTo("event_type");
        assertThat(type.get("reason").asText()).contains("incident.triggered");
        assertThat(type.get("requests")).isEmpty();
        assertThat(filter.get("failed_condition").asText()).isEqualTo("filter");
    }

    @Test
    void shouldAnswerARenderErrorAsATemplateFailureWithLineAndColumn() {
        // Given a webhook whose data template compiles but fails for this event
        String webhook = """
                {"name": "bad", "url": "https://example.com/", "event_types": ["*"],
                 "data": "line one\\n  {{ event.id.toUpperCase() }}"}""";

        // When previewing it
        var response = admin.post(PATH, preview(webhook, EVENT));

        // Then it does not match, the failed condition is the template, and the error is located
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("matched").asBoolean()).isFalse();
        assertThat(result.get("failed_condition").asText()).isEqualTo("template");
        assertThat(result.get("reason").asText()).startsWith("data: ");
        assertThat(result.get("template_error").get("field").asText()).isEqualTo("data");
        assertThat(result.get("template_error").get("line").asInt()).isEqualTo(2);
        assertThat(result.get("requests")).isEmpty();
    }

    @Test
    void shouldReportInvalidWebhookAndEventFieldsWithTheirPrefix() {
        // Given a webhook with a bad URL and an unknown field, and an event without a type
        String webhook = "{\"name\": \"x\", \"url\": \"ftp://example.com/\", \"colour\": \"red\"}";
        String event = "{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/s\"}";

        // When previewing them
        var response = admin.post(PATH, preview(webhook, event));

        // Then every problem is named under webhook. or event.
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response.json())).contains("webhook.url", "webhook.colour", "event.type");
    }

    @Test
    void shouldRequireBothPartsAndRefuseAnotherTenantsEvent() {
        var missing = admin.post(PATH, "{\"extra\": 1}");
        var foreign = admin.post(PATH, preview("{\"name\": \"x\", \"url\": \"https://example.com/\"}",
                EVENT.replace("\"subject\"", "\"tenant\":\"acme\",\"subject\"")));
        var notJson = admin.post(PATH, "{");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing.json())).contains("webhook", "event", "extra");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(fields(foreign.json())).containsExactly("event.tenant");
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void shouldRequireATokenWithTheReadScope() {
        String body = preview("{\"name\": \"x\", \"url\": \"https://example.com/\"}", EVENT);
        String writer = admin.post("/api/v1/tokens", "{\"name\": \"w\", \"scopes\": [\"events:write\"]}")
                .json().get("token").asText();

        var anonymous = service.client().post(PATH, body);
        var unknown = service.client().withToken("nope").post(PATH, body);
        var wrongScope = service.client().withToken(writer).post(PATH, body);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrongScope.status()).isEqualTo(403);
    }

    private static String preview(String webhook, String event) {
        return "{\"webhook\": " + webhook + ", \"event\": " + event + "}";
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
