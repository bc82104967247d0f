package io.hookline.log.redelivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.event.TraceContext;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.webhook.EndpointKey;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.log.topology.Attempts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRebuilderTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final WebhookConfig WEBHOOK = new WebhookConfig("wh", "default", 7, "hook", true, null,
            "https://example.com/hook", List.of(), "POST", null, List.of("*"), null, null, null, null, false,
            Json.MAPPER.valueToTree(Map.of("X-Team", "platform")), null, null, null, null, null, List.of(), 5, 3000,
            null, null, null, NOW, NOW);
    private static final CurrentHeaders HEADERS = new HeaderRendering().of(WEBHOOK);

    @Test
    void shouldRebuildAFreshJobWithTheSameDeliveryIdAndTheHeadersOfTheCurrentConfig() {
        DeliveryAttempt dead = Attempts.attempt("wh", "d-1", 4, NOW.minusSeconds(60), Outcome.DEAD, 500, "x", 10);

        DeliveryJob job = JobRebuilder.rebuild(dead, WEBHOOK, HEADERS, NOW);

        assertThat(job.deliveryId()).isEqualTo("d-1");
        assertThat(job.redeliveryOf()).isEqualTo("d-1");
        assertThat(job.attempt()).isEqualTo(1);
        assertThat(job.maxRetries()).isEqualTo(5);
        assertThat(job.timeoutMs()).isEqualTo(3000);
        assertThat(job.webhookVersion()).isEqualTo(7);
        assertThat(job.url()).isEqualTo("https://example.com/hook");
        assertThat(job.method()).isEqualTo("POST");
        assertThat(job.body()).isEqualTo("{\"n\":4}");
        // Logged X-Team was "sre"; the webhook says "platform" now. Authorization and signature are the dispatcher's;
        // the content type describes the logged body, which goes again as it was.
        assertThat(job.headers()).isEqualTo(Map.of("X-Team", "platform", "Content-Type", "application/json"));
        assertThat(job.eventId()).isEqualTo("evt-d-1");
        assertThat(job.createdAt()).isEqualTo(NOW);
        assertThat(job.dueAt()).isNull();
    }

    @Test
    void shouldKeepTheEventsTraceContextForTheRedelivery() {
        TraceContext trace = TraceContext.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "rojo=1");
        DeliveryAttempt dead = Attempts.attempt("wh", "d-1", 4, NOW.minusSeconds(60), Outcome.DEAD, 500, "x", 10)
                .withTrace(trace);

        assertThat(JobRebuilder.rebuild(dead, WEBHOOK, HEADERS, NOW).trace()).isEqualTo(trace);
    }

    @Test
    void shouldRedeliverARenderedRequestToItsUrlUnderTheWebhooksOneEndpoint() {
        ObjectNode node = Json.MAPPER.valueToTree(WEBHOOK);
        node.put("request_template", "{\"method\": \"PUT\", \"url\": \"https://tool.example/{{ event.subject }}\"}");
        WebhookConfig templated = Json.MAPPER.convertValue(node, WebhookConfig.class);
        DeliveryAttempt a = Attempts.attempt("wh", "d-5", 4, NOW.minusSeconds(60), Outcome.DEAD, 500, "x", 10);
        DeliveryAttempt rendered = new DeliveryAttempt(a.deliveryId(), a.webhookId(), a.tenant(), a.attempt(),
                a.timestamp(), "https://tool.example/INC-1", "PUT", a.requestHeaders(), a.requestBody(), false,
                a.statusCode(), a.responseHeaders(), a.responseBody(), false, a.durationMs(), a.outcome(), a.error(),
                a.errorClass(), null, a.eventId(), a.eventType(), a.trigger(), a.eventData());

        DeliveryJob job = JobRebuilder.rebuild(rendered, templated, new HeaderRendering().of(templated), NOW);

        assertThat(job.url()).isEqualTo("https://tool.example/INC-1");
        assertThat(job.method()).isEqualTo("PUT");
        assertThat(job.endpointKey()).isEqualTo(EndpointKey.of("wh", "https://example.com/hook"));
    }

    @Test
    void shouldRedeliverAnOrdinaryRequestUnderItsOwnUrl() {
        DeliveryAttempt dead = Attempts.attempt("wh", "d-6", 4, NOW.minusSeconds(60), Outcome.DEAD, 500, "x", 10);

        DeliveryJob job = JobRebuilder.rebuild(dead, WEBHOOK, HEADERS, NOW);

        assertThat(job.endpointKey()).isEqualTo(EndpointKey.of("wh", dead.url()));
    }

    @Test
    void shouldKeepTheCloudEventsAttributesAndContentTypeOfABinaryModeBody() {
        DeliveryAttempt a = Attempts.attempt("wh", "d-3", 1, NOW, Outcome.DEAD, 500, "x", 10);
        DeliveryAttempt binary = new DeliveryAttempt(a.deliveryId(), a.webhookId(), a.tenant(), a.attempt(),
                a.timestamp(), a.url(), a.method(), Map.of("Content-Type", "text/plain", "ce-id", "evt-d-3",
                "ce-type", "incident.triggered", "ce-subject", "INC%201", "Authorization", "****************"),
                "disk full", false, a.statusCode(), a.responseHeaders(), a.responseBody(), false, a.durationMs(),
                a.outcome(), a.error(), a.errorClass(), null, a.eventId(), a.eventType(), a.trigger(), a.eventData());

        DeliveryJob job = JobRebuilder.rebuild(binary, WEBHOOK, HEADERS, NOW);

        assertThat(job.body()).isEqualTo("disk full");
        assertThat(job.headers()).isEqualTo(Map.of("Content-Type", "text/plain", "ce-id", "evt-d-3",
                "ce-type", "incident.triggered", "ce-subject", "INC%201", "X-Team", "platform"));
    }

    @Test
    void shouldLetAConfiguredContentTypeReplaceTheLoggedOne() throws Exception {
        ObjectNode node = Json.MAPPER.valueToTree(WEBHOOK);
        node.set("headers", Json.MAPPER.valueToTree(Map.of("content-type", "application/vnd.acme+json")));
        WebhookConfig withContentType = Json.MAPPER.treeToValue(node, WebhookConfig.class);
        DeliveryAttempt dead = Attempts.attempt("wh", "d-4", 1, NOW, Outcome.DEAD, 500, "x", 10);

        DeliveryJob job = JobRebuilder.rebuild(dead, withContentType, new HeaderRendering().of(withContentType), NOW);

        assertThat(job.headers()).isEqualTo(Map.of("content-type", "application/vnd.acme+json"));
    }

    @Test
    void shouldRefuseARequestWhoseBodyWasTruncated() {
        DeliveryAttempt a = Attempts.attempt("wh", "d-1", 1, NOW, Outcome.FAILED, 400, "x", 10);
        DeliveryAttempt truncated = new DeliveryAttempt(a.deliveryId(), a.webhookId(), a.tenant(), a.attempt(),
                a.timestamp(), a.url(), a.method(), a.requestHeaders(), a.requestBody(), true, a.statusCode(),
                a.responseHeaders(), a.responseBody(), false, a.durationMs(), a.outcome(), a.error(), a.errorClass(),
                null, a.eventId(), a.eventType(), a.trigger(), a.eventData());

        assertThatThrownBy(() -> JobRebuilder.rebuild(truncated, WEBHOOK, HEADERS, NOW))
                .isInstanceOf(NotRedeliverableException.class).hasMessageContaining("truncated");
    }

    @Test
    void shouldRefuseAUrlTheWebhookNoLongerHas() {
        DeliveryAttempt a = Attempts.attempt("wh", "d-2", 1, NOW, Outcome.FAILED, 400, "x", 10);
        DeliveryAttempt elsewhere = new DeliveryAttempt(a.deliveryId(), a.webhookId(), a.tenant(), a.attempt(),
                a.timestamp(), "https://old.example.com/hook", a.method(), a.requestHeaders(), a.requestBody(), false,
                a.statusCode(), a.responseHeaders(), a.responseBody(), false, a.durationMs(), a.outcome(), a.error(),
                a.errorClass(), null, a.eventId(), a.eventType(), a.trigger(), a.eventData());

        assertThatThrownBy(() -> JobRebuilder.rebuild(elsewhere, WEBHOOK, HEADERS, NOW))
                .isInstanceOf(NotRedeliverableException.class).hasMessageContaining("was removed from webhook wh");
    }

    @Test
    void shouldRefuseToRenderHeaderTemplatesForAnEventThatWasCutInTheLog() {
        WebhookConfig templated = new WebhookConfig("wh", "default", 7, "hook", true, null, WEBHOOK.url(), List.of(),
                "POST", null, List.of("*"), null, null, null, null, false,
                Json.MAPPER.valueToTree(Map.of("X-Subject", "{{ event.subject }}")), null, null, null, null, null,
                List.of(), 5, 3000, null, null, null, NOW, NOW);
        DeliveryAttempt a = Attempts.attempt("wh", "d-3", 1, NOW, Outcome.FAILED, 400, "x", 10);
        DeliveryAttempt cut = new DeliveryAttempt(a.deliveryId(), a.webhookId(), a.tenant(), a.attempt(),
                a.timestamp(), a.url(), a.method(), a.requestHeaders(), a.requestBody(), false, a.statusCode(),
                a.responseHeaders(), a.responseBody(), false, a.durationMs(), a.outcome(), a.error(), a.errorClass(),
                null, a.eventId(), a.eventType(), a.trigger(), "{\"specversion\":\"1.0\",\"data\":{\"lo");

        assertThatThrownBy(() -> JobRebuilder.rebuild(cut, templated, new HeaderRendering().of(templated), NOW))
                .isInstanceOf(NotRedeliverableException.class).hasMessageContaining("incomplete");
        // Plain header values need no event.
        assertThat(JobRebuilder.rebuild(cut, WEBHOOK, HEADERS, NOW).headers()).containsEntry("X-Team", "platform");
    }

    @Test
    void shouldRedeliverARequestTemplatesRenderedUrlWithTheHeadersItRendersNow() {
        // Given a webhook whose Handlebars request template rendered the logged URL
        com.fasterxml.jackson.databind.node.ObjectNode json = Json.MAPPER.valueToTree(WEBHOOK);
        json.put("template_engine", "handlebars").put("request_template", """
                {"method": "PUT", "url": "https://tickets.example/{{incident.id}}",
                 "headers": {"X-Incident": "{{incident.id}}"}, "body": {"json": {{tojson incident}} }}""");
        WebhookConfig templated = Json.MAPPER.convertValue(json, WebhookConfig.class);
        DeliveryAttempt a = Attempts.attempt("wh", "d-4", 1, NOW, Outcome.FAILED, 500, "incident.created", 10);
        DeliveryAttempt rendered = new DeliveryAttempt(a.deliveryId(), a.webhookId(), a.tenant(), a.attempt(),
                a.timestamp(), "https://tickets.example/INC-9", "PUT", a.requestHeaders(), a.requestBody(), false,
                a.statusCode(), a.responseHeaders(), a.responseBody(), false, a.durationMs(), a.outcome(), a.error(),
                a.errorClass(), null, a.eventId(), a.eventType(), a.trigger(), """
                {"specversion":"1.0","id":"evt-d-4","source":"/s","type":"incident.created",
                 "data":{"incident":{"id":"INC-9"}}}""");

        DeliveryJob job = JobRebuilder.rebuild(rendered, templated, new HeaderRendering().of(templated), NOW);

        assertThat(job.url()).isEqualTo("https://tickets.example/INC-9");
        assertThat(job.method()).isEqualTo("PUT");
        assertThat(job.headers()).containsEntry("X-Incident", "INC-9").containsEntry("Content-Type", "application/json")
                .doesNotContainKey("X-Team");
    }
}
