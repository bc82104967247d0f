package io.hookline.config.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import io.hookline.contracts.json.Json;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Grafana OnCall clients with one base URL (config-service's): the {@code /api/v1/actions/} alias, OnCall's templates
 * against its documented {@code alert_group.acknowledged} payload, and the attempt log on this port. log-service is
 * played by WireMock here; {@code OnCallDropInIT} in deploy/local runs the same calls against the real one.
 */
class OnCallDropInTest {

    private static final WireMockServer LOG_SERVICE = new WireMockServer(options().dynamicPort());
    private static final String EMPTY_PAGE = """
            {"next": null, "previous": null, "results": [], "page_size": 10, "count": 0,
             "current_page_number": 1, "total_pages": 1}""";

    private static ConfigServiceInstance service;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        LOG_SERVICE.start();
        service = ConfigServiceInstance.start("oncall-drop-in",
                Map.of("hookline.log-service.url", LOG_SERVICE.baseUrl() + "/"));
        api = service.admin();
    }

    @AfterAll
    static void stop() {
        service.close();
        LOG_SERVICE.stop();
    }

    @Test
    void shouldServeEveryWebhookOperationUnderTheActionsAlias() {
        var created = api.post("/api/v1/actions/", """
                {"name": "Legacy caller", "url": "https://example.com/hook", "http_method": "POST",
                 "trigger_type": "acknowledge"}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();

        var readAsWebhook = api.get("/api/v1/webhooks/" + id + "/");
        var readAsAction = api.get("/api/v1/actions/" + id);
        var patched = api.patch("/api/v1/actions/" + id + "/", "{\"name\": \"Renamed\"}");
        var put = api.put("/api/v1/actions/" + id, "{\"is_webhook_enabled\": false}");
        var listed = api.get("/api/v1/actions/?page_size=100");

        assertThat(readAsWebhook.status()).isEqualTo(200);
        assertThat(readAsWebhook.json().get("name").asText()).isEqualTo("Legacy caller");
        assertThat(readAsAction.status()).isEqualTo(200);
        assertThat(readAsAction.json()).isEqualTo(readAsWebhook.json());
        assertThat(readAsAction.header("ETag")).isEqualTo(readAsWebhook.header("ETag"));
        assertThat(patched.json().get("name").asText()).isEqualTo("Renamed");
        assertThat(put.json().get("is_webhook_enabled").asBoolean()).isFalse();
        assertThat(listed.json().get("results")).extracting(webhook -> webhook.get("id").asText()).contains(id);
        assertThat(api.delete("/api/v1/actions/" + id + "/").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/webhooks/" + id).status()).isEqualTo(404);
    }

    @Test
    void shouldAskForATokenAndItsScopesUnderTheAliasAsUnderWebhooks() {
        var anonymous = service.client();

        assertThat(anonymous.get("/api/v1/actions/").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/webhooks/x/responses").status()).isEqualTo(401);
    }

    @Test
    void shouldRenderOnCallTemplatesAgainstItsDocumentedAcknowledgePayload() {
        String webhook = """
                {"name": "OnCall templates", "url": "https://example.com/oncall",
                 "trigger_type": "acknowledge",
                 "headers": {"X-Event": "{{ event.type }}", "X-Alert-Group": "{{ alert_group.id }}",
                             "X-Cloudevent-Type": "{{ cloudevent.type }}"},
                 "data": "{\\"labels\\" : {{ alert_payload.commonLabels | tojson()}}}"}""";
        String event = """
                {"specversion": "1.0", "id": "oncall-ack-1", "source": "/oncall", "type": "alert_group.acknowledged",
                 "subject": "IZQERPWKWCGH1", "data": %s}""".formatted(oncallEventData());

        var preview = api.post("/api/v1/webhooks/preview", "{\"webhook\": " + webhook + ", \"event\": " + event + "}");

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("matched").asBoolean()).isTrue();
        JsonNode request = preview.json().get("requests").get(0);
        assertThat(request.get("url").asText()).isEqualTo("https://example.com/oncall");
        assertThat(request.get("headers").get("X-Event").asText()).isEqualTo("acknowledge");
        assertThat(request.get("headers").get("X-Alert-Group").asText()).isEqualTo("IZQERPWKWCGH1");
        assertThat(request.get("headers").get("X-Cloudevent-Type").asText()).isEqualTo("alert_group.acknowledged");
        JsonNode body = parse(request.get("body").asText());
        assertThat(body.get("labels")).isEqualTo(parse("""
                {"job": "node", "severity": "critical", "alertname": "InstanceDown"}"""));
    }

    @Test
    void shouldAnswerTheAttemptLogOnThisPortWithLogServicesAnswer() {
        LOG_SERVICE.stubFor(get(urlPathEqualTo("/api/v1/webhooks/WHLOG1/responses"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(EMPTY_PAGE)));

        var page = api.get("/api/v1/webhooks/WHLOG1/responses?page_size=10&outcome=failed");

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json()).isEqualTo(parse(EMPTY_PAGE));
        LOG_SERVICE.verify(getRequestedFor(urlPathEqualTo("/api/v1/webhooks/WHLOG1/responses"))
                .withQueryParam("page_size", equalTo("10"))
                .withQueryParam("outcome", equalTo("failed"))
                .withHeader("Authorization", equalTo(ConfigServiceInstance.ADMIN_TOKEN))
                .withHeader("X-Forwarded-Host", equalTo("localhost:" + configServicePort())));
    }

    @Test
    void shouldAskForTheLogsReadScopeBeforeAskingLogService() {
        LOG_SERVICE.stubFor(get(urlPathEqualTo("/api/v1/webhooks/WHSCOPE/responses"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(EMPTY_PAGE)));
        ApiClient webhooksOnly = tokenClient("webhooks:read");
        ApiClient logReader = tokenClient("logs:read");

        var refused = webhooksOnly.get("/api/v1/webhooks/WHSCOPE/responses");
        var allowed = logReader.get("/api/v1/webhooks/WHSCOPE/responses");

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        LOG_SERVICE.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/webhooks/WHSCOPE/responses")));
    }

    @Test
    void shouldPassOnLogServicesRefusalsAsTheyAre() {
        LOG_SERVICE.stubFor(get(urlPathEqualTo("/api/v1/webhooks/WHNONE/responses"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type": "about:blank", "title": "Not Found", "status": 404,
                                 "detail": "webhook WHNONE not found"}""")));

        var missing = api.get("/api/v1/webhooks/WHNONE/responses");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("detail").asText()).isEqualTo("webhook WHNONE not found");
    }

    private static String configServicePort() {
        return String.valueOf(service.context().getBean(EmbeddedServer.class).getPort());
    }

    private static ApiClient tokenClient(String scope) {
        var created = api.post("/api/v1/tokens", "{\"name\": \"" + scope.replace(':', '-') + "-reader\", "
                + "\"scopes\": [\"" + scope + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return service.client().withToken("Bearer " + created.json().get("token").asText());
    }

    static String oncallEventData() {
        try (InputStream in = OnCallDropInTest.class.getResourceAsStream("/oncall/alert-group-acknowledged-event-data.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
