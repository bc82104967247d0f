package io.hookline.rules.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.event.DomainEventParser;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.webhook.Ordering;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.rules.FieldError;
import io.hookline.rules.template.TemplateEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decisions config-service's preview shows: matched, or which condition failed and why. */
class WebhookMatcherTest {

    private final WebhookCompiler compiler = new WebhookCompiler(new TemplateEngine());
    private final WebhookMatcher matcher = new WebhookMatcher(compiler);
    private final RequestRenderer renderer = new RequestRenderer(compiler.templateEngine());

    private static DomainEvent event() throws Exception {
        return new DomainEventParser().fromJson(Json.MAPPER.readTree("""
                {"specversion":"1.0","id":"e1","source":"/s","type":"incident.triggered","tenant":"acme",
                 "data":{"team":{"id":"t1","name":"SRE"},"integration":{"id":"I1"},"incident":{"priority":"P1"}}}"""));
    }

    private static WebhookConfig webhook(boolean enabled, String tenant, List<String> types, String team,
                                         List<String> integrations, String filter, String trigger) throws Exception {
        JsonNode filterNode = filter == null ? null : Json.MAPPER.readTree(filter);
        return new WebhookConfig("w1", tenant, 1, "n", enabled, team, "https://x.example/", List.of(), "POST", null,
                types, integrations, filterNode, trigger, null, false, null, null, null, null, null, null, List.of(),
                3, 1000, null, Ordering.NONE, null, null, null);
    }

    @Test
    void shouldNameTheFirstConditionThatFailed() throws Exception {
        DomainEvent event = event();
        assertThat(matcher.decide(webhook(false, "acme", List.of("*"), null, null, null, null), event).failed())
                .isEqualTo(MatchCondition.DISABLED);
        assertThat(matcher.decide(webhook(true, "other", List.of("*"), null, null, null, null), event).failed())
                .isEqualTo(MatchCondition.TENANT);
        assertThat(matcher.decide(webhook(true, "acme", List.of("incident.resolved"), null, null, null, null), event)
                .failed()).isEqualTo(MatchCondition.EVENT_TYPE);
        assertThat(matcher.decide(webhook(true, "acme", List.of("*"), "DBA", null, null, null), event).failed())
                .isEqualTo(MatchCondition.TEAM);
        assertThat(matcher.decide(webhook(true, "acme", List.of("*"), "SRE", List.of("I2"), null, null), event)
                .failed()).isEqualTo(MatchCondition.INTEGRATION_FILTER);
        assertThat(matcher.decide(webhook(true, "acme", List.of("*"), "t1", List.of("I1"),
                "{\"field\":\"data.incident.priority\",\"op\":\"eq\",\"value\":\"P2\"}", null), event).failed())
                .isEqualTo(MatchCondition.FILTER);
        MatchDecision trigger = matcher.decide(webhook(true, "acme", List.of("*"), null, null, null, "{{ false }}"),
                event);
        assertThat(trigger.failed()).isEqualTo(MatchCondition.TRIGGER_TEMPLATE);
        assertThat(trigger.reason()).contains("false");
        assertThat(trigger.failed().wireName()).isEqualTo("trigger_template");
    }

    @Test
    void shouldMatchAndRenderTheStandardPayload() throws Exception {
        WebhookConfig config = webhook(true, "acme", List.of("incident.*"), "SRE", List.of("I1"),
                "{\"field\":\"data.incident.priority\",\"op\":\"in\",\"value\":[\"P1\"]}", "{{ incident.priority == 'P1' }}");
        PreparedEvent prepared = PreparedEvent.of(event());

        assertThat(matcher.decide(compiler.compile(config), prepared).matched()).isTrue();
        RenderedRequest request = renderer.render(compiler.compile(config), prepared);
        assertThat(request.bodyMode()).isEqualTo(RenderedRequest.BodyMode.STANDARD);
        assertThat(Json.MAPPER.readTree(request.body())).isEqualTo(prepared.json());
        assertThat(request.urls()).containsExactly("https://x.example/");
    }

    @Test
    void shouldReportErrorsOfEveryRuleForWriteTimeValidation() throws Exception {
        WebhookConfig config = new WebhookConfig("w1", "acme", 1, "n", true, null, "https://x.example/", List.of(),
                "POST", "sometimes", List.of("ok.*", " "), null, Json.MAPPER.readTree("{\"all\":[]}"),
                "{% if %}", "line\n{{ x( }}", false, Json.MAPPER.readTree("{\"Bad Name\":\"v\",\"X-N\":1}"), null,
                null, null, null, null, List.of(), 3, 1000, null, Ordering.NONE, null, null, null);

        List<FieldError> errors = compiler.validate(config);

        assertThat(errors).extracting(FieldError::field).contains("trigger_type", "event_types[1]", "filter.all",
                "trigger_template", "data", "headers.Bad Name", "headers.X-N");
        assertThat(errors).filteredOn(error -> error.field().equals("data"))
                .allSatisfy(error -> assertThat(error.message()).startsWith("invalid template: line 2, column"));
    }

    @Test
    void shouldDeriveStableDeliveryIds() {
        String id = DeliveryIds.of("/s", "e1", "w1", "https://a/");
        assertThat(id).isEqualTo(DeliveryIds.of("/s", "e1", "w1", "https://a/")).startsWith("dlv_").hasSize(36);
        assertThat(id).isNotEqualTo(DeliveryIds.of("/s", "e1", "w1", "https://b/"))
                .isNotEqualTo(DeliveryIds.of("/other", "e1", "w1", "https://a/"));
    }

    @Test
    void shouldMapTriggerTypesBothWays() {
        assertThat(TriggerTypes.all()).hasSize(10);
        assertThat(TriggerTypes.eventTypes("Alert_Group_Created")).containsExactly("alert_group.created");
        assertThat(TriggerTypes.eventTypes("status change")).hasSize(7).contains("alert_group.resolved");
        assertThat(TriggerTypes.forEventType("alert_group.silenced")).contains("silence");
        assertThat(TriggerTypes.eventTypes("nope")).isEmpty();
    }
}
