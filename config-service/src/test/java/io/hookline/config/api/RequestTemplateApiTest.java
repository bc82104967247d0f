package io.hookline.config.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import io.hookline.contracts.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code template_engine: handlebars} and {@code request_template} through the API: write-time checks and preview. */
class RequestTemplateApiTest {

    private static final String PREVIEW = "/api/v1/webhooks/preview";
    private static final String EVENT = """
            {"specversion":"1.0","id":"evt-1","source":"/incidents","type":"incident.created","subject":"INC-7",
             "data":{"incident":{"id":"INC-7","title":"DB \\"primary\\" down","severity":"Critical"},
                     "labels":{"env":"prod"}}}""";
    /** All Quiet's documented request JSON, as a Handlebars template over a Hookline event. */
    private static final String ALL_QUIET = """
            {"method": "PATCH", "url": "https://tickets.example/incidents/{{incident.id}}",
             "headers": {"Content-Type": "application/json; charset=utf-8", "X-Severity": "{{incident.severity}}"},
             "body": {"json": {"title": {{tojson incident.title}}, "labels": {{tojson labels}} }},
             "enableIncidentUpdates": true}""";

    private static ConfigServiceInstance service;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("reqtpl");
        api = service.admin();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static String quoted(String text) {
        return Json.toString(Json.MAPPER.getNodeFactory().textNode(text));
    }

    private static String handlebarsWebhook(String name, String requestTemplate) {
        return "{\"name\": \"" + name + "\", \"url\": \"https://tickets.example/\", \"event_types\": [\"incident.*\"],"
                + " \"template_engine\": \"handlebars\", \"request_template\": " + quoted(requestTemplate) + "}";
    }

    @Test
    void shouldStoreAndShowAHandlebarsRequestTemplate() {
        String id = api.createWebhook(handlebarsWebhook("all quiet", ALL_QUIET));

        JsonNode shown = api.get("/api/v1/webhooks/" + id).json();
        assertThat(shown.get("template_engine").asText()).isEqualTo("handlebars");
        assertThat(shown.get("request_template").asText()).isEqualTo(ALL_QUIET);
    }

    @Test
    void shouldPreviewTheRenderedRequestOfARequestTemplate() {
        var response = api.post(PREVIEW, "{\"webhook\": " + handlebarsWebhook("preview", ALL_QUIET)
                + ", \"event\": " + EVENT + "}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("matched").asBoolean()).isTrue();
        JsonNode request = result.get("requests").get(0);
        assertThat(result.get("requests")).hasSize(1);
        assertThat(request.get("method").asText()).isEqualTo("PATCH");
        assertThat(request.get("url").asText()).isEqualTo("https://tickets.example/incidents/INC-7");
        assertThat(request.at("/headers/X-Severity").asText()).isEqualTo("Critical");
        assertThat(request.at("/headers/Content-Type").asText()).isEqualTo("application/json; charset=utf-8");
        JsonNode body = parse(request.get("body").asText());
        assertThat(body.get("title").asText()).isEqualTo("DB \"primary\" down");
        assertThat(body.at("/labels/env").asText()).isEqualTo("prod");
    }

    @Test
    void shouldPreviewFormDataEncoded() {
        String template = """
                {"method": "POST", "url": "https://forms.example/hook",
                 "body": {"formData": {"incident": "{{incident.id}}", "title": {{tojson incident.title}} }}}""";

        JsonNode request = api.post(PREVIEW, "{\"webhook\": " + handlebarsWebhook("form", template)
                + ", \"event\": " + EVENT + "}").json().get("requests").get(0);

        assertThat(request.get("body").asText()).isEqualTo("incident=INC-7&title=DB+%22primary%22+down");
        assertThat(request.at("/headers/Content-Type").asText()).isEqualTo("application/x-www-form-urlencoded");
    }

    @Test
    void shouldPreviewRenderFailuresOfARequestTemplate() {
        // Given request templates that render a bad URL scheme, a bad method, and no JSON at all
        String badScheme = "{\"method\": \"POST\", \"url\": \"ftp://files.example/{{incident.id}}\"}";
        String badMethod = "{\"method\": \"TRACE\", \"url\": \"https://x.example/\"}";
        String notJson = "{\"method\": \"POST\", \"url\": {{incident.id}} }";

        for (String[] each : new String[][] {{badScheme, "http or https"}, {badMethod, "\"method\" must be one of"},
                {notJson, "must render a JSON object"}}) {
            var response = api.post(PREVIEW, "{\"webhook\": " + handlebarsWebhook("bad", each[0])
                    + ", \"event\": " + EVENT + "}");

            // Then the preview says it does not render, naming the field and the reason
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode result = response.json();
            assertThat(result.get("matched").asBoolean()).isFalse();
            assertThat(result.get("failed_condition").asText()).isEqualTo("template");
            assertThat(result.at("/template_error/field").asText()).isEqualTo("request_template");
            assertThat(result.at("/template_error/message").asText()).contains(each[1]);
            assertThat(result.get("requests")).isEmpty();
        }
    }

    @Test
    void shouldRefuseABadHandlebarsTemplateWithLineAndColumn() {
        var response = api.post("/api/v1/webhooks", handlebarsWebhook("broken",
                "{\"method\": \"POST\",\n \"url\": \"{{#if x}}https://a.example/{{/each}}\"}"));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("request_template");
        assertThat(error.get("message").asText()).contains("invalid template: line 2, column");
    }

    @Test
    void shouldCheckEveryTemplateWithTheEngineOfTheBody() {
        // Given Jinja filters in data and a header, with handlebars as the engine
        var response = api.post("/api/v1/webhooks", """
                {"name": "mixed", "url": "https://a.example/", "template_engine": "handlebars",
                 "data": "{{ incident.title | upper }}", "headers": {"X-Id": "{{incident.id}}", "X-T": "{{/if}}"},
                 "trigger_template": "{{#if incident}}true{{/if}}"}""");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").toString())
                .contains("\"field\":\"data\"", "\"field\":\"headers.X-T\"")
                .doesNotContain("\"field\":\"trigger_template\"", "\"field\":\"headers.X-Id\"");
    }

    @Test
    void shouldRecheckStoredTemplatesWhenOnlyTheEngineChanges() {
        // Given a Jinja webhook whose templates are not valid Handlebars
        String id = api.createWebhook("""
                {"name": "jinja one", "url": "https://a.example/", "data": "{{ incident.title | upper }}",
                 "headers": {"X-Id": "{% if incident %}{{ incident.id | lower }}{% endif %}"}}""");

        // When only the engine is switched to handlebars
        var patched = api.patch("/api/v1/webhooks/" + id, "{\"template_engine\": \"handlebars\"}");

        // Then the switch is refused for each template it would break, and the webhook stays Jinja
        assertThat(patched.status()).as(patched.body()).isEqualTo(400);
        assertThat(patched.json().get("errors").toString()).contains("\"field\":\"data\"", "\"field\":\"headers.X-Id\"");
        assertThat(api.get("/api/v1/webhooks/" + id).json().get("template_engine").asText()).isEqualTo("jinja");

        // And a switch together with Handlebars templates is accepted
        var switched = api.patch("/api/v1/webhooks/" + id, """
                {"template_engine": "handlebars", "data": "{{tojson incident}}",
                 "headers": {"X-Id": "{{#if incident}}{{incident.id}}{{/if}}"}}""");
        assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        assertThat(switched.json().get("template_engine").asText()).isEqualTo("handlebars");
    }

    @Test
    void shouldCheckAPartialUpdateOfATemplateWithTheStoredEngine() {
        String id = api.createWebhook(handlebarsWebhook("stored handlebars", ALL_QUIET));

        var jinjaSyntax = api.patch("/api/v1/webhooks/" + id, "{\"data\": \"{{ labels | tojson }}\"}");
        var handlebarsSyntax = api.patch("/api/v1/webhooks/" + id, "{\"data\": \"{{#each labels}}{{@key}}{{/each}}\"}");

        assertThat(jinjaSyntax.status()).as(jinjaSyntax.body()).isEqualTo(400);
        assertThat(jinjaSyntax.json().get("errors").get(0).get("field").asText()).isEqualTo("data");
        assertThat(handlebarsSyntax.status()).as(handlebarsSyntax.body()).isEqualTo(200);
    }
}
