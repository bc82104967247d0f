package io.hookline.rules.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.contracts.event.DomainEventParser;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.rules.template.TemplateEngine;
import io.hookline.rules.template.TemplateError;
import org.junit.jupiter.api.Test;

/** {@code request_template}: the whole request rendered as All Quiet's request JSON, in Jinja or Handlebars. */
class RequestTemplateRenderingTest {

    /** All Quiet's documented request shape, filled from a Hookline event. */
    private static final String ALL_QUIET_TEMPLATE = """
            {
                "method": "PUT",
                "url": "https://tickets.example/api/incidents/{{incident.id}}?source={{cloudevent.source}}",
                "headers": {
                    "Content-Type": "application/json; charset=utf-8",
                    "X-Severity": "{{incident.severity}}"
                },
                "body": {
                    "json": {
                        "title": {{tojson incident.title}},
                        "status": "{{event.type}}",
                        "labels": {{tojson labels}}
                    }
                }
            }""";

    private final WebhookCompiler compiler = new WebhookCompiler(new TemplateEngine());
    private final RequestRenderer renderer = new RequestRenderer(compiler.templateEngine());

    private static PreparedEvent event() throws Exception {
        return PreparedEvent.of(new DomainEventParser().fromJson(Json.MAPPER.readTree("""
                {"specversion":"1.0","id":"e1","source":"allquiet","type":"incident.created","tenant":"acme",
                 "subject":"inc-7",
                 "data":{"incident":{"id":"inc-7","title":"Disk \\"db-1\\" full & slow","severity":"Critical"},
                         "labels":{"env":"prod"}}}""")));
    }

    private static WebhookConfig webhook(String engine, String requestTemplate) {
        ObjectNode json = Json.MAPPER.createObjectNode()
                .put("id", "w1").put("tenant", "acme").put("version", 1).put("name", "all quiet")
                .put("is_webhook_enabled", true).put("url", "https://configured.example/")
                .put("http_method", "POST").put("data", "ignored").put("template_engine", engine)
                .put("request_template", requestTemplate);
        json.putArray("event_types").add("*");
        return Json.MAPPER.convertValue(json, WebhookConfig.class);
    }

    private RenderedRequest render(String engine, String template) throws Exception {
        CompiledWebhook compiled = compiler.compile(webhook(engine, template));
        assertThat(compiled.problems()).isEmpty();
        return renderer.render(compiled, event());
    }

    private TemplateError renderFailure(String engine, String template) {
        try {
            render(engine, template);
        } catch (RequestRenderException e) {
            assertThat(e.field()).isEqualTo("request_template");
            return e.error();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a render failure for " + template);
    }

    @Test
    void shouldRenderAllQuietsRequestJsonWithHandlebars() throws Exception {
        RenderedRequest request = render("handlebars", ALL_QUIET_TEMPLATE);

        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.urls()).containsExactly("https://tickets.example/api/incidents/inc-7?source=allquiet");
        assertThat(request.headers()).containsEntry("X-Severity", "Critical")
                .containsEntry("Content-Type", "application/json; charset=utf-8");
        assertThat(request.bodyMode()).isEqualTo(RenderedRequest.BodyMode.REQUEST_TEMPLATE);
        JsonNode body = Json.MAPPER.readTree(request.body());
        assertThat(body.get("title").asText()).isEqualTo("Disk \"db-1\" full & slow");
        assertThat(body.get("status").asText()).isEqualTo("incident.created");
        assertThat(body.at("/labels/env").asText()).isEqualTo("prod");
    }

    @Test
    void shouldRenderTheSameRequestWithJinja() throws Exception {
        RenderedRequest request = render("jinja", """
                {"method": "post", "url": "https://x.example/{{ incident.id }}",
                 "body": {"json": {"title": {{ incident.title | tojson }}}}}""");

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.urls()).containsExactly("https://x.example/inc-7");
        assertThat(request.headers()).containsEntry("Content-Type", "application/json");
        assertThat(Json.MAPPER.readTree(request.body()).get("title").asText()).isEqualTo("Disk \"db-1\" full & slow");
    }

    @Test
    void shouldSendTheFirstBodyKindGiven() throws Exception {
        RenderedRequest text = render("handlebars", """
                {"method": "POST", "url": "https://x.example/",
                 "body": {"text": "incident {{incident.id}}", "formData": {"a": "b"}, "json": {"c": 1}}}""");
        RenderedRequest json = render("handlebars", """
                {"method": "POST", "url": "https://x.example/",
                 "body": {"json": {"c": 1}, "text": "incident {{incident.id}}"}}""");

        assertThat(text.body()).isEqualTo("incident inc-7");
        assertThat(text.headers()).containsEntry("Content-Type", "text/plain; charset=utf-8");
        assertThat(json.body()).isEqualTo("{\"c\":1}");
        assertThat(json.headers()).containsEntry("Content-Type", "application/json");
    }

    @Test
    void shouldKeepTheContentTypeTheTemplateGivesForText() throws Exception {
        RenderedRequest request = render("handlebars", """
                {"method": "POST", "url": "https://x.example/", "headers": {"content-type": "text/csv"},
                 "body": {"text": "{{incident.id}},{{incident.severity}}"}}""");

        assertThat(request.headers()).containsExactly(java.util.Map.entry("content-type", "text/csv"));
        assertThat(request.body()).isEqualTo("inc-7,Critical");
    }

    @Test
    void shouldFormEncodeFormData() throws Exception {
        RenderedRequest request = render("handlebars", """
                {"method": "POST", "url": "https://x.example/form",
                 "headers": {"Content-Type": "application/json"},
                 "body": {"formData": {"title": {{tojson incident.title}}, "count": 3, "key two": "a=b"}}}""");

        assertThat(request.body()).isEqualTo("title=Disk+%22db-1%22+full+%26+slow&count=3&key+two=a%3Db");
        assertThat(request.headers()).containsExactly(
                java.util.Map.entry("Content-Type", "application/x-www-form-urlencoded"));
    }

    @Test
    void shouldSendNoBodyWhenNoneIsGiven() throws Exception {
        RenderedRequest request = render("handlebars", """
                {"method": "GET", "url": "https://x.example/ping/{{incident.id}}", "enableIncidentUpdates": true}""");

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.body()).isEmpty();
    }

    @Test
    void shouldFailARenderThatIsNotJson() {
        TemplateError error = renderFailure("handlebars", "{\"method\": \"POST\", \"url\": {{incident.id}} }");

        assertThat(error.kind()).isEqualTo(TemplateError.RENDER);
        assertThat(error.message()).contains("must render a JSON object");
    }

    @Test
    void shouldCheckTheRenderedUrlLikeAConfiguredOne() {
        assertThat(renderFailure("handlebars", "{\"method\": \"POST\", \"url\": \"file:///etc/{{incident.id}}\"}")
                .message()).contains("\"url\" must be an absolute http or https URL");
        assertThat(renderFailure("handlebars", "{\"method\": \"POST\", \"url\": \"https://u:p@x.example/\"}")
                .message()).contains("must not carry credentials");
        assertThat(renderFailure("handlebars", "{\"method\": \"POST\", \"url\": \"{{missing}}\"}").message())
                .contains("\"url\" must be a URL string");
    }

    @Test
    void shouldRefuseMethodsOutsideTheAllowedOnes() {
        assertThat(renderFailure("handlebars", "{\"method\": \"TRACE\", \"url\": \"https://x.example/\"}").message())
                .contains("\"method\" must be one of [POST, GET, PUT, PATCH, DELETE, OPTIONS]");
        assertThat(renderFailure("handlebars", "{\"url\": \"https://x.example/\"}").message())
                .contains("\"method\" must be one of");
    }

    @Test
    void shouldRefuseBadHeadersAndBodies() {
        assertThat(renderFailure("handlebars", """
                {"method": "POST", "url": "https://x.example/", "headers": {"Bad Name": "x"}}""").message())
                .contains("not a valid HTTP header name");
        assertThat(renderFailure("handlebars", """
                {"method": "POST", "url": "https://x.example/", "headers": {"X-A": "a\\r\\nX-B: b"}}""").message())
                .contains("must not contain a line break");
        assertThat(renderFailure("handlebars", """
                {"method": "POST", "url": "https://x.example/", "headers": {"X-A": {"nested": 1}}}""").message())
                .contains("\"headers.X-A\" must be a string");
        assertThat(renderFailure("handlebars", """
                {"method": "POST", "url": "https://x.example/", "body": {"xml": "<a/>"}}""").message())
                .contains("unknown kind \"xml\"");
        assertThat(renderFailure("handlebars", """
                {"method": "POST", "url": "https://x.example/", "body": {"formData": ["a"]}}""").message())
                .contains("\"body.formData\" must be an object of strings");
    }

    @Test
    void shouldCompileEveryTemplateOfTheWebhookWithItsEngine() {
        // Given Jinja syntax in a webhook whose engine is Handlebars
        WebhookConfig handlebars = webhook("handlebars", "{\"method\": \"POST\", \"url\": \"{{ x | upper }}\"}");

        // Then the request template is refused with line and column, as the write-time check does
        assertThat(compiler.validate(handlebars)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("request_template");
            assertThat(problem.message()).startsWith("invalid template: line 1, column ");
        });
        assertThat(compiler.validate(webhook("jinja", "{\"method\": \"POST\", \"url\": \"{{ x | upper }}\"}")))
                .isEmpty();
    }

    @Test
    void shouldRenderTheTemplatesHeadersForARedelivery() throws Exception {
        // A redelivery re-renders headers from the current config: with a request template, the ones it renders
        CompiledWebhook compiled = compiler.compile(webhook("handlebars", ALL_QUIET_TEMPLATE));

        assertThat(renderer.renderHeaders(compiled, event().templateContext()))
                .containsEntry("X-Severity", "Critical")
                .containsEntry("Content-Type", "application/json; charset=utf-8");
    }

    @Test
    void shouldNameTheBrokenRequestTemplateOfAStoredWebhook() {
        // Given a stored webhook whose request template does not compile (written before validation, or by hand)
        CompiledWebhook broken = compiler.compile(webhook("handlebars", "{{#if x}}"));

        assertThatThrownBy(() -> renderer.render(broken, event()))
                .isInstanceOfSatisfying(RequestRenderException.class, e -> {
                    assertThat(e.field()).isEqualTo("request_template");
                    assertThat(e.error().message()).contains("the webhook's request_template is invalid");
                });
    }
}
