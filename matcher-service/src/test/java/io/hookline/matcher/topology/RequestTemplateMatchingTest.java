package io.hookline.matcher.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.webhook.EndpointKey;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.rules.template.TemplateLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks with a {@code request_template} in the matcher: the job carries the rendered method, URL, headers and body,
 * keyed by the webhook's one endpoint (its configured {@code url}) whatever URL it renders; a template that renders no usable request is logged as a failed delivery.
 */
class RequestTemplateMatchingTest {

    private final MatcherDriver matcher = new MatcherDriver(TemplateLimits.DEFAULT);

    @AfterEach
    void close() {
        matcher.close();
    }

    private static WebhookConfig handlebarsWebhook(String id, String requestTemplate) {
        ObjectNode json = Json.MAPPER.valueToTree(TestWebhooks.webhook(id).build());
        json.put("template_engine", "handlebars").put("request_template", requestTemplate);
        return Json.MAPPER.convertValue(json, WebhookConfig.class);
    }

    @Test
    void shouldQueueTheRenderedRequestKeyedByTheWebhooksEndpoint() throws Exception {
        matcher.configure(handlebarsWebhook("wh-aq", """
                {"method": "PATCH", "url": "https://tickets.example/incidents/{{incident.id}}",
                 "headers": {"X-Priority": "{{incident.priority}}"},
                 "body": {"json": {"title": {{tojson incident.title}}, "tags": {{tojson tags}} }}}"""));

        matcher.send(TestEvents.INCIDENT);

        var records = matcher.jobRecords();
        assertThat(records).hasSize(1);
        DeliveryJob job = records.get(0).value();
        assertThat(records.get(0).key()).isEqualTo(EndpointKey.of("wh-aq", "https://example.com/hook"));
        assertThat(job.method()).isEqualTo("PATCH");
        assertThat(job.url()).isEqualTo("https://tickets.example/incidents/INC-123");
        assertThat(job.headers()).containsEntry("X-Priority", "P1").containsEntry("Content-Type", "application/json");
        assertThat(Json.MAPPER.readTree(job.body()))
                .isEqualTo(Json.MAPPER.readTree("{\"title\": \"DB down\", \"tags\": {\"env\": \"prod\"}}"));
    }

    @Test
    void shouldKeyJobsRenderedToDifferentUrlsByTheOneEndpointOfTheirWebhook() {
        // Given an All Quiet-style template: POST to the collection when triggered, PUT to the incident later
        ObjectNode json = Json.MAPPER.valueToTree(TestWebhooks.webhook("wh-one").build());
        json.put("request_template", """
                {% if event.type == 'incident.triggered' %}
                {"method": "POST", "url": "https://tickets.example/incidents", "body": {"text": "new"}}
                {% else %}
                {"method": "PUT", "url": "https://tickets.example/incidents/{{ incident.id }}", "body": {"text": "on"}}
                {% endif %}""");
        matcher.configure(Json.MAPPER.convertValue(json, WebhookConfig.class));

        matcher.send(TestEvents.INCIDENT);
        matcher.send(TestEvents.event("evt-2", "incident.resolved", "acme", "{\"incident\":{\"id\":\"INC-123\"}}"));

        // Then each job calls what it rendered, and both share the webhook's url as endpoint and record key
        var records = matcher.jobRecords();
        assertThat(records).extracting(record -> record.value().method() + " " + record.value().url())
                .containsExactly("POST https://tickets.example/incidents",
                        "PUT https://tickets.example/incidents/INC-123");
        assertThat(records).extracting(record -> record.key())
                .containsExactly(EndpointKey.of("wh-one", "https://example.com/hook"),
                        EndpointKey.of("wh-one", "https://example.com/hook"));
        assertThat(records).extracting(record -> record.value().endpointUrl())
                .containsOnly("https://example.com/hook");
    }

    @Test
    void shouldLogARequestTemplateThatRendersNoUsableRequestAsFailed() {
        // Given a template whose URL renders to another scheme, and a well-behaved webhook
        matcher.configure(handlebarsWebhook("wh-bad", "{\"method\": \"POST\", \"url\": \"gopher://x/{{incident.id}}\"}"));
        matcher.configure(TestWebhooks.webhook("wh-good"));

        matcher.send(TestEvents.INCIDENT);

        // Then the bad one is logged as failed with the reason, nothing is queued for it, and the good one goes on
        DeliveryAttempt failure = matcher.log.readValue();
        assertThat(failure.webhookId()).isEqualTo("wh-bad");
        assertThat(failure.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failure.errorClass()).isEqualTo("template");
        assertThat(failure.error()).startsWith("request_template: ").contains("http or https");
        assertThat(matcher.jobs()).extracting(DeliveryJob::webhookId).containsExactly("wh-good");
    }
}
