package io.hookline.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hookline.contracts.json.Json;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * All Quiet's request templates on real processes: Handlebars templates that render the whole request (method, URL,
 * headers, body) travel from the REST API through the matcher and the dispatcher on the real broker to a receiver,
 * which gets exactly the rendered request, signed like any other.
 */
class RequestTemplateIT {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
    private static final String EVENT = """
            {"specversion":"1.0","id":"evt-aq-1","source":"/incidents","type":"incident.created","subject":"INC-77",
             "data":{"incident":{"id":"INC-77","title":"Checkout \\"p99\\" > 2s","severity":"Critical"},
                     "labels":{"env":"prod","team":"payments"}}}""";

    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void startReceiver() {
        receiver.start();
        receiver.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    @Test
    void shouldSendTheRequestsHandlebarsRequestTemplatesRender() throws Exception {
        // Given All Quiet's documented request JSON as a Handlebars template, and a formData one
        String json = """
                {"method": "PUT", "url": "%s/tickets/{{incident.id}}",
                 "headers": {"Content-Type": "application/json; charset=utf-8", "X-Severity": "{{incident.severity}}"},
                 "body": {"json": {"title": {{tojson incident.title}}, "status": "open", "labels": {{tojson labels}} },
                          "text": "not this one"}}""".formatted(receiver.baseUrl());
        String form = """
                {"method": "POST", "url": "%s/forms",
                 "body": {"formData": {"incident": "{{incident.id}}", "summary": {{tojson incident.title}} }}}"""
                .formatted(receiver.baseUrl());
        try (LocalStack stack = LocalStack.start(FreePorts.settings(Files.createTempDirectory("hookline-reqtpl")))) {
            HooklineApi api = new HooklineApi(stack.adminToken());
            String config = stack.url(Service.CONFIG);
            for (String[] webhook : new String[][] {{"all quiet json", json}, {"all quiet form", form}}) {
                HooklineApi.Reply created = api.post(config + "/api/v1/webhooks/", """
                        {"name": "%s", "url": "%s/unused", "event_types": ["incident.*"],
                         "template_engine": "handlebars", "request_template": %s}"""
                        .formatted(webhook[0], receiver.baseUrl(), Json.toString(Json.MAPPER.getNodeFactory()
                                .textNode(webhook[1]))));
                assertThat(created.status()).as(created.text()).isEqualTo(201);
            }

            // When an event is posted
            HooklineApi.Reply accepted = api.post(config + "/api/v1/events", EVENT);
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);

            // Then the receiver gets each rendered request, with Hookline's signature headers added
            await().atMost(DELIVERY_TIMEOUT).untilAsserted(
                    () -> assertThat(receiver.findAll(anyRequestedFor(anyUrl()))).hasSize(2));
            assertThat(receiver.findAll(anyRequestedFor(urlPathEqualTo("/unused")))).isEmpty();

            LoggedRequest ticket = only(receiver.findAll(anyRequestedFor(urlPathEqualTo("/tickets/INC-77"))));
            assertThat(ticket.getMethod().getName()).isEqualTo("PUT");
            assertThat(ticket.getHeader("Content-Type")).isEqualToIgnoringCase("application/json; charset=utf-8");
            assertThat(ticket.getHeader("X-Severity")).isEqualTo("Critical");
            assertThat(ticket.getHeader("webhook-signature")).startsWith("v1,");
            assertThat(ticket.getHeader("webhook-id")).startsWith("dlv_");
            JsonNode body = Json.MAPPER.readTree(ticket.getBodyAsString());
            assertThat(body).isEqualTo(Json.MAPPER.readTree("""
                    {"title": "Checkout \\"p99\\" > 2s", "status": "open",
                     "labels": {"env": "prod", "team": "payments"}}"""));

            LoggedRequest formPost = only(receiver.findAll(anyRequestedFor(urlPathEqualTo("/forms"))));
            assertThat(formPost.getMethod().getName()).isEqualTo("POST");
            assertThat(formPost.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(formPost.getBodyAsString()).isEqualTo("incident=INC-77&summary=Checkout+%22p99%22+%3E+2s");
            assertThat(formPost.getHeader("webhook-signature")).startsWith("v1,");
        }
    }

    private static LoggedRequest only(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
