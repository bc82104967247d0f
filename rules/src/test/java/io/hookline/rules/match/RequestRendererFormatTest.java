package io.hookline.rules.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.event.DomainEventParser;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.rules.template.TemplateEngine;
import org.junit.jupiter.api.Test;

/** Where payload_format applies: whenever the body is the event itself (standard payload or forward_all), never to data. */
class RequestRendererFormatTest {

    private final WebhookCompiler compiler = new WebhookCompiler(new TemplateEngine());
    private final RequestRenderer renderer = new RequestRenderer(compiler.templateEngine());

    @Test
    void shouldApplyTheFormatToTheStandardPayloadAndToForwardAll() throws Exception {
        RenderedRequest standard = render(webhook(null, false, "data", null));
        RenderedRequest forwardAll = render(webhook("{\"ignored\": true}", true, "cloudevent_binary", null));

        assertThat(standard.bodyMode()).isEqualTo(RenderedRequest.BodyMode.STANDARD);
        assertThat(standard.body()).isEqualTo("{\"incident\":{\"id\":\"INC-1\"}}");
        assertThat(forwardAll.bodyMode()).isEqualTo(RenderedRequest.BodyMode.FORWARD_ALL);
        assertThat(forwardAll.body()).isEqualTo("{\"incident\":{\"id\":\"INC-1\"}}");
        assertThat(forwardAll.headers()).containsEntry("ce-id", "e1").containsEntry("ce-tenant", "acme");
    }

    @Test
    void shouldLeaveARenderedDataTemplateAlone() throws Exception {
        RenderedRequest request = render(webhook("{\"id\": \"{{ incident.id }}\"}", false, "cloudevent_binary", null));

        assertThat(request.body()).isEqualTo("{\"id\": \"INC-1\"}");
        assertThat(request.headers()).isEmpty();
    }

    @Test
    void shouldLetAConfiguredHeaderReplaceTheFormatsHeaderInAnyCase() throws Exception {
        RenderedRequest request = render(webhook(null, true, "cloudevent_binary",
                "{\"content-type\": \"text/plain\", \"CE-ID\": \"mine\"}"));

        assertThat(request.headers()).containsEntry("content-type", "text/plain").containsEntry("CE-ID", "mine")
                .doesNotContainKeys("Content-Type", "ce-id").containsEntry("ce-type", "incident.triggered");
    }

    private RenderedRequest render(WebhookConfig webhook) throws Exception {
        return renderer.render(compiler.compile(webhook), PreparedEvent.of(new DomainEventParser().fromJson(
                Json.MAPPER.readTree("""
                        {"specversion":"1.0","id":"e1","source":"/s","type":"incident.triggered","tenant":"acme",
                         "data":{"incident":{"id":"INC-1"}}}"""))));
    }

    private static WebhookConfig webhook(String data, boolean forwardAll, String format, String headers)
            throws Exception {
        var node = Json.MAPPER.createObjectNode().put("id", "w1").put("tenant", "acme").put("version", 1)
                .put("name", "n").put("is_webhook_enabled", true).put("url", "https://x.example/")
                .put("forward_all", forwardAll).put("payload_format", format);
        node.putArray("event_types").add("*");
        if (data != null) {
            node.put("data", data);
        }
        if (headers != null) {
            node.set("headers", Json.MAPPER.readTree(headers));
        }
        return Json.MAPPER.treeToValue(node, WebhookConfig.class);
    }

}
