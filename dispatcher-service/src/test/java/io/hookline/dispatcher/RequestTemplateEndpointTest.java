package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.event.TraceContext;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.topic.RetryTier;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.EndpointKey;
import io.hookline.contracts.webhook.Ordering;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.dispatcher.endpoint.EndpointCircuits;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A webhook with a {@code request_template} renders a URL per event, yet is one receiving system: its jobs share one
 * endpoint (the webhook's configured {@code url}) for the rate limit, the circuit breaker, subject order and the keys
 * of retries, while each request goes to its rendered URL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestTemplateEndpointTest {

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort().containerThreads(40));
    private ApplicationContext dispatcher;

    @BeforeAll
    void start() {
        receiver.start();
        dispatcher = kit.start(Map.of(
                "hookline.dispatcher.retry-delay-scale", 0.01,
                "hookline.dispatcher.circuit.minimum-calls", 3,
                "hookline.dispatcher.circuit.window-size", 3,
                "hookline.dispatcher.circuit.open-duration", "30s"));
    }

    @AfterAll
    void stop() {
        dispatcher.close();
        receiver.stop();
        kit.close();
    }

    @Test
    void shouldShareOneRateLimitAcrossEveryRenderedUrl() {
        // Given a templated webhook limited to 2 requests per second whose jobs go to three different URLs
        receiver.stubFor(any(urlPathMatching("/limited/.*")).willReturn(aResponse().withStatus(200)));
        var spec = spec("/limited").rateLimit(2);
        kit.publishWebhook(templated(spec));

        // When 9 jobs come, 3 per rendered URL
        for (int i = 0; i < 9; i++) {
            kit.publishJob(job(spec, "POST", "/limited/" + (char) ('a' + i % 3), "L-" + i, "{}", i));
        }

        // Then each URL gets its 3, but together they keep to 2 per second: 8 gaps of 500 ms, not 2 per URL
        List<ServeEvent> all = await().atMost(DispatcherKit.timeout())
                .until(() -> served("/limited/"), found -> found.size() == 9);
        assertThat(all).extracting(event -> event.getRequest().getUrl())
                .containsOnly("/limited/a", "/limited/b", "/limited/c")
                .filteredOn("/limited/a"::equals).hasSize(3);
        Duration span = Duration.between(all.get(0).getRequest().getLoggedDate().toInstant(),
                all.get(8).getRequest().getLoggedDate().toInstant());
        assertThat(span).isGreaterThanOrEqualTo(Duration.ofMillis(3500));
    }

    @Test
    void shouldKeepSubjectOrderAcrossRenderedUrlsAndKeyTheRetryByTheEndpoint() {
        // Given an ordered templated webhook whose receiver fails the first POST of the incident
        receiver.stubFor(any(urlPathEqualTo("/tool/incidents")).inScenario("create")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        receiver.stubFor(any(urlPathEqualTo("/tool/incidents")).inScenario("create")
                .whenScenarioStateIs("up").willReturn(aResponse().withStatus(201)));
        receiver.stubFor(any(urlPathEqualTo("/tool/incidents/INC-1")).willReturn(aResponse().withStatus(200)));
        var spec = spec("/tool").ordering(Ordering.SUBJECT);
        kit.publishWebhook(templated(spec));
        DeliveryJob create = job(spec, "POST", "/tool/incidents", "INC-1", "{\"status\":\"triggered\"}", 10);
        DeliveryJob update = job(spec, "PUT", "/tool/incidents/INC-1", "INC-1", "{\"status\":\"resolved\"}", 11);

        // When the create is followed by the update of the same subject
        kit.publishJob(create);
        kit.publishJob(update);

        // Then the update waits for the create's retry: POST (503), POST (201), PUT
        List<ServeEvent> calls = await().atMost(DispatcherKit.timeout())
                .until(() -> served("/tool/"), found -> found.size() >= 3);
        assertThat(calls).extracting(event -> event.getRequest().getMethod() + " " + event.getRequest().getUrl()
                        + " " + event.getResponse().getStatus())
                .containsExactly("POST /tool/incidents 503", "POST /tool/incidents 201", "PUT /tool/incidents/INC-1 200");
        // And the retry went to its tier keyed by the endpoint, still calling the rendered URL
        ConsumerRecord<String, byte[]> retry = retryRecordsOf(create.deliveryId()).get(0);
        assertThat(retry.key()).isEqualTo(EndpointKey.of(spec.id(), spec.url()));
        DeliveryJob retried = Json.fromBytes(retry.value(), DeliveryJob.class);
        assertThat(retried.url()).isEqualTo(url("/tool/incidents"));
        assertThat(retried.endpointUrl()).isEqualTo(spec.url());
    }

    @Test
    void shouldOpenOneCircuitForTheEndpointWhateverUrlsFail() {
        // Given a templated webhook whose receiver fails everywhere
        receiver.stubFor(any(urlPathMatching("/down/.*")).willReturn(aResponse().withStatus(500)));
        var spec = spec("/down").maxRetries(5);
        kit.publishWebhook(templated(spec));

        // When three jobs fail, each at its own rendered URL
        for (int i = 0; i < 3; i++) {
            kit.publishJob(job(spec, "PUT", "/down/INC-" + i, "INC-" + i, "{}", i));
        }

        // Then the circuit of the one endpoint opens: three single failures count together
        await().atMost(DispatcherKit.timeout()).until(() -> circuitState(spec.id(), spec.url()) == State.OPEN);
        assertThat(circuitState(spec.id(), url("/down/INC-0"))).isEqualTo(State.CLOSED);
    }

    @Test
    void shouldStillKeyAnOrdinaryJobWithoutAnEndpointByItsUrl() {
        // Given a job as written before jobs named an endpoint: its JSON has no endpoint_url
        receiver.stubFor(any(urlPathEqualTo("/old")).inScenario("old")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        receiver.stubFor(any(urlPathEqualTo("/old")).inScenario("old")
                .whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)));
        var spec = spec("/old");
        kit.publishWebhook(spec.config());
        DeliveryJob old = spec.job("OLD-1", "{}", 1);
        byte[] json = Json.toBytes(old);
        assertThat(Json.MAPPER.valueToTree(old).has("endpoint_url")).isFalse();

        // When it is read from the delivery topic
        kit.send(kit.topic(Topics.WEBHOOK_DELIVERIES.name()), EndpointKey.of(spec.id(), spec.url()), json);

        // Then it is delivered after a retry keyed, as before, by its URL
        await().atMost(DispatcherKit.timeout()).until(() -> served("/old").stream()
                .anyMatch(event -> event.getResponse().getStatus() == 200));
        assertThat(retryRecordsOf(old.deliveryId())).extracting(ConsumerRecord::key)
                .containsOnly(EndpointKey.of(spec.id(), url("/old")));
    }

    private Webhooks.Spec spec(String path) {
        return Webhooks.Spec.of(url(path), kit.cipher, Webhooks.newSigningSecret());
    }

    /** The webhook of {@code spec} with a request template: the dispatcher only needs to know it has one. */
    private static WebhookConfig templated(Webhooks.Spec spec) {
        ObjectNode json = Json.MAPPER.valueToTree(spec.config());
        json.put("request_template", "{\"method\": \"PUT\", \"url\": \"" + spec.url() + "/{{ event.subject }}\"}");
        return Json.MAPPER.convertValue(json, WebhookConfig.class);
    }

    /** A job as the matcher makes it from the template: the rendered method and URL, the webhook's endpoint. */
    private DeliveryJob job(Webhooks.Spec spec, String method, String path, String subject, String body,
                            long position) {
        return new DeliveryJob("dlv-" + UUID.randomUUID(), spec.id(), spec.version(), "default", url(path), method,
                Map.of("Content-Type", "application/json"), body, "evt-" + UUID.randomUUID(), "incident.updated",
                subject, null, body, "0:" + position, spec.ordering(), 1, spec.maxRetries(), spec.timeoutMs(),
                Instant.now(), null, null, null, null, TraceContext.NONE, spec.url());
    }

    private List<ConsumerRecord<String, byte[]>> retryRecordsOf(String deliveryId) {
        return await().atMost(DispatcherKit.timeout()).until(() -> Arrays.stream(RetryTier.values())
                .flatMap(tier -> kit.reader(Topics.retryTier(tier).name()).records().stream())
                .filter(record -> Json.fromBytes(record.value(), DeliveryJob.class).deliveryId().equals(deliveryId))
                .toList(), found -> !found.isEmpty());
    }

    private String url(String path) {
        return "http://localhost:" + receiver.port() + path;
    }

    private List<ServeEvent> served(String pathPrefix) {
        return receiver.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(pathPrefix))
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .toList();
    }

    private State circuitState(String webhookId, String url) {
        return dispatcher.getBean(EndpointCircuits.class).forEndpoint(webhookId, url).getState();
    }
}
