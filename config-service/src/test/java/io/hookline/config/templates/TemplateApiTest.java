package io.hookline.config.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import io.hookline.contracts.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/templates}, and {@code template} on create, on update and in preview. */
class TemplateApiTest {

    private static final String PREVIEW = "/api/v1/webhooks/preview";
    private static final String EVENT = """
            {"specversion":"1.0","id":"evt-1","source":"/incidents","type":"incident.resolved","subject":"INC-1",
             "tenant":"default","data":{"incident":{"id":"INC-1","title":"DB down","priority":"P1"},
             "service":{"name":"payments"}}}""";

    private static ConfigServiceInstance service;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("templates");
        admin = service.admin();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldListEveryTemplateWithItsFieldsAndASampleRendering() {
        var response = admin.get("/api/v1/templates?page_size=50");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode page = response.json();
        assertThat(page.get("count").asInt()).isEqualTo(9);
        List<String> ids = new ArrayList<>();
        for (JsonNode template : page.get("results")) {
            ids.add(template.get("id").asText());
            assertThat(template.get("fields").get("data").asText()).isNotBlank();
            assertThat(template.get("sample").get("event_type").asText()).isEqualTo("incident.triggered");
            assertThat(template.get("sample").get("body").isObject()).isTrue();
        }
        assertThat(ids).containsExactly("slack", "msteams", "discord", "mattermost", "google_chat", "pagerduty",
                "opsgenie", "jira", "generic");
    }

    @Test
    void shouldShowOneTemplateWithTheValuesItNeeds() {
        var response = admin.get("/api/v1/templates/pagerduty/");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode template = response.json();
        assertThat(template.get("fields").get("url").asText()).isEqualTo("https://events.pagerduty.com/v2/enqueue");
        assertThat(template.get("fields").get("data").asText()).contains("%%routing_key%%");
        JsonNode value = template.get("values").get(0);
        assertThat(value.get("name").asText()).isEqualTo("routing_key");
        JsonNode sample = template.get("sample").get("body");
        assertThat(sample.get("routing_key").asText()).isEqualTo(value.get("example").asText());
        assertThat(sample.get("event_action").asText()).isEqualTo("trigger");
        assertThat(sample.get("payload").get("severity").asText()).isEqualTo("critical");
    }

    @Test
    void shouldAnswer404ForAnUnknownTemplate() {
        var response = admin.get("/api/v1/templates/fax");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asText()).contains("template fax");
    }

    @Test
    void shouldAskForTheWebhooksReadScope() {
        var created = admin.post("/api/v1/tokens", "{\"name\": \"events-only\", \"scopes\": [\"events:write\"]}");
        ApiClient eventsOnly = service.client().withToken("Bearer " + created.json().get("token").asText());

        assertThat(eventsOnly.get("/api/v1/templates").status()).isEqualTo(403);
        assertThat(eventsOnly.get("/api/v1/templates/slack").status()).isEqualTo(403);
        assertThat(service.client().get("/api/v1/templates").status()).isEqualTo(401);
    }

    @Test
    void shouldFillTheWebhookFromTheTemplateOnCreate() {
        // When a webhook is created from the Slack template
        var created = admin.post("/api/v1/webhooks/", """
                {"name": "slack-from-template", "url": "https://hooks.slack.example/services/T/B/X",
                 "event_types": ["incident.*"], "template": "slack"}""");

        // Then it holds the template's data, sends it (no forward_all), and the template is not shown
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode webhook = admin.get("/api/v1/webhooks/" + created.json().get("id").asText()).json();
        assertThat(webhook.get("data").asText()).isEqualTo(new TemplateLibrary().find("slack").orElseThrow().data());
        assertThat(webhook.get("forward_all").asBoolean()).isFalse();
        assertThat(webhook.get("http_method").asText()).isEqualTo("POST");
        assertThat(webhook.get("payload_format").asText()).isEqualTo("cloudevent");
        assertThat(webhook.has("template")).isFalse();
        assertThat(webhook.has("template_values")).isFalse();
    }

    @Test
    void shouldLetTheRequestsOwnFieldsWinOverTheTemplate() {
        var created = admin.post("/api/v1/webhooks", """
                {"name": "opsgenie-eu", "url": "https://api.eu.opsgenie.example/v2/alerts", "event_types": ["*"],
                 "template": "opsgenie", "authorization_header": "GenieKey 1234", "http_method": "PUT",
                 "headers": {"X-Team": "sre"}}""");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode webhook = created.json();
        assertThat(webhook.get("url").asText()).isEqualTo("https://api.eu.opsgenie.example/v2/alerts");
        assertThat(webhook.get("http_method").asText()).isEqualTo("PUT");
        assertThat(webhook.get("headers").get("X-Team").asText()).isEqualTo("sre");
        assertThat(webhook.get("data").asText()).contains("\"priority\"");
        assertThat(webhook.get("authorization_header").asText()).isEqualTo("****************");
    }

    @Test
    void shouldWriteTheTemplateValuesIntoData() {
        var created = admin.post("/api/v1/webhooks", """
                {"name": "pd", "event_types": ["incident.*"], "template": "pagerduty",
                 "template_values": {"routing_key": "abcdef0123456789abcdef0123456789"}}""");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("url").asText()).isEqualTo("https://events.pagerduty.com/v2/enqueue");
        assertThat(created.json().get("data").asText())
                .contains("\"routing_key\": \"abcdef0123456789abcdef0123456789\"").doesNotContain("%%");
    }

    @Test
    void shouldRefuseAnUnknownTemplateListingTheKnownOnes() {
        var refused = admin.post("/api/v1/webhooks", """
                {"name": "fax", "url": "https://fax.example/", "template": "fax"}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(error(refused.json(), "template")).contains("unknown template \"fax\"")
                .contains("slack, msteams, discord, mattermost, google_chat, pagerduty, opsgenie, jira, generic");
    }

    @Test
    void shouldRefuseMissingOrInvalidValuesAndMissingFields() {
        var noValue = admin.post("/api/v1/webhooks", """
                {"name": "pd-2", "template": "pagerduty"}""");
        var badValue = admin.post("/api/v1/webhooks", """
                {"name": "pd-3", "template": "pagerduty",
                 "template_values": {"routing_key": "\\"}}{{ x }}", "colour": "red"}}""");
        var noCredentials = admin.post("/api/v1/webhooks", """
                {"name": "jira", "url": "https://acme.atlassian.example/rest/api/2/issue", "template": "jira",
                 "template_values": {"project_key": "OPS", "issue_type": "Task"}}""");
        var valuesAlone = admin.post("/api/v1/webhooks", """
                {"name": "v", "url": "https://v.example/", "template_values": {"a": "b"}}""");

        assertThat(noValue.status()).isEqualTo(400);
        assertThat(error(noValue.json(), "template_values.routing_key"))
                .contains("is required with template pagerduty");
        assertThat(badValue.status()).isEqualTo(400);
        assertThat(error(badValue.json(), "template_values.routing_key")).startsWith("must match");
        assertThat(error(badValue.json(), "template_values.colour")).contains("has no value \"colour\"");
        assertThat(noCredentials.status()).isEqualTo(400);
        assertThat(error(noCredentials.json(), "username")).contains("is required with template jira");
        assertThat(error(noCredentials.json(), "password")).contains("API token");
        assertThat(admin.post("/api/v1/webhooks", """
                {"name": "none", "url": "https://none.example/", "template": null}""").status()).isEqualTo(201);
        assertThat(valuesAlone.status()).isEqualTo(400);
        assertThat(error(valuesAlone.json(), "template_values")).contains("only read with \"template\"");
    }

    @Test
    void shouldRefuseATemplateOnUpdate() {
        String id = admin.createWebhook("{\"name\": \"later\", \"url\": \"https://later.example/\"}");

        var put = admin.put("/api/v1/webhooks/" + id, "{\"template\": \"slack\"}");
        var patch = admin.patch("/api/v1/webhooks/" + id, "{\"template\": \"slack\"}");

        assertThat(put.status()).isEqualTo(400);
        assertThat(error(put.json(), "template")).contains("only accepted on create");
        assertThat(patch.status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/webhooks/" + id).json().get("forward_all").asBoolean()).isTrue();
    }

    @Test
    void shouldPreviewWhatATemplateRenders() throws Exception {
        String webhook = """
                {"name": "pd", "event_types": ["*"], "template": "pagerduty",
                 "template_values": {"routing_key": "abcdef0123456789abcdef0123456789"}}""";

        var response = admin.post(PREVIEW, "{\"webhook\": " + webhook + ", \"event\": " + EVENT + "}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode request = response.json().get("requests").get(0);
        assertThat(request.get("url").asText()).isEqualTo("https://events.pagerduty.com/v2/enqueue");
        JsonNode body = Json.MAPPER.readTree(request.get("body").asText());
        assertThat(body.get("event_action").asText()).isEqualTo("resolve");
        assertThat(body.get("dedup_key").asText()).isEqualTo("INC-1");
        assertThat(body.has("payload")).isFalse();
    }

    @Test
    void shouldPreviewEachPayloadFormat() throws Exception {
        JsonNode binary = previewRequest("cloudevent_binary");
        JsonNode data = previewRequest("data");
        JsonNode structured = previewRequest("cloudevent");

        assertThat(binary.get("headers").get("ce-id").asText()).isEqualTo("evt-1");
        assertThat(binary.get("headers").get("ce-type").asText()).isEqualTo("incident.resolved");
        assertThat(binary.get("headers").get("ce-tenant").asText()).isEqualTo("default");
        assertThat(binary.get("headers").get("Content-Type").asText()).isEqualTo("application/json");
        assertThat(Json.MAPPER.readTree(binary.get("body").asText()).get("incident").get("id").asText())
                .isEqualTo("INC-1");
        assertThat(Json.MAPPER.readTree(data.get("body").asText()).has("specversion")).isFalse();
        assertThat(Json.MAPPER.readTree(data.get("body").asText()).get("service").get("name").asText())
                .isEqualTo("payments");
        assertThat(data.get("headers").has("ce-id")).isFalse();
        assertThat(Json.MAPPER.readTree(structured.get("body").asText()).get("id").asText()).isEqualTo("evt-1");
    }

    @Test
    void shouldLetAConfiguredContentTypeWinOverTheBinaryModeOne() {
        JsonNode request = preview("""
                {"name": "ct", "url": "https://ct.example/", "event_types": ["*"],
                 "payload_format": "cloudevent_binary", "headers": {"content-type": "application/vnd.acme+json"}}""");

        assertThat(request.get("headers").get("content-type").asText()).isEqualTo("application/vnd.acme+json");
        assertThat(request.get("headers").has("Content-Type")).isFalse();
        assertThat(request.get("headers").get("ce-source").asText()).isEqualTo("/incidents");
    }

    private static JsonNode previewRequest(String format) {
        return preview("{\"name\": \"f\", \"url\": \"https://f.example/\", \"event_types\": [\"*\"], "
                + "\"payload_format\": \"" + format + "\"}");
    }

    private static JsonNode preview(String webhook) {
        var response = admin.post(PREVIEW, "{\"webhook\": " + webhook + ", \"event\": " + EVENT + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("requests").get(0);
    }

    private static String error(JsonNode problem, String field) {
        for (JsonNode error : problem.get("errors")) {
            if (error.get("field").asText().equals(field)) {
                return error.get("message").asText();
            }
        }
        throw new AssertionError("no error for " + field + " in " + problem);
    }
}
