package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.topic.RetryTier;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.Ordering;
import io.hookline.dispatcher.endpoint.EndpointCircuits;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Per-endpoint protection: rate limit, circuit breaker, and per-subject order across retries. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointProtectionTest {

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
                "hookline.dispatcher.circuit.open-duration", "3s"));
    }

    @AfterAll
    void stop() {
        dispatcher.close();
        receiver.stop();
        kit.close();
    }

    @Test
    void shouldSpreadRequestsToTheRateLimitWithoutDelayingOtherEndpoints() {
        // Given an endpoint limited to 4 requests per second and one without a limit
        receiver.stubFor(any(urlPathEqualTo("/limited")).willReturn(aResponse().withStatus(200)));
        receiver.stubFor(any(urlPathEqualTo("/free")).willReturn(aResponse().withStatus(200)));
        var limited = Webhooks.Spec.of(url("/limited"), kit.cipher, Webhooks.newSigningSecret()).rateLimit(4);
        var free = Webhooks.Spec.of(url("/free"), kit.cipher, Webhooks.newSigningSecret());
        kit.publishWebhook(limited.config());
        kit.publishWebhook(free.config());

        // When
        for (int i = 0; i < 9; i++) {
            kit.publishJob(limited.job("L-" + i, "{}", i));
            kit.publishJob(free.job("F-" + i, "{}", i));
        }

        // Then the limited endpoint's 9 requests take at least 2 s (8 gaps of 250 ms); the other's do not wait for them
        List<LoggedRequest> limitedRequests = await().atMost(DispatcherKit.timeout())
                .until(() -> requests("/limited"), found -> found.size() == 9);
        List<LoggedRequest> freeRequests = requests("/free");
        assertThat(freeRequests).hasSize(9);
        assertThat(span(limitedRequests)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(freeRequests.get(8).getLoggedDate()).isBefore(limitedRequests.get(8).getLoggedDate());
    }

    @Test
    void shouldOpenTheCircuitOfAFailingEndpointThenProbeAndRecover() {
        // Given an endpoint that fails
        String path = "/breaker";
        receiver.stubFor(any(urlPathEqualTo(path)).willReturn(aResponse().withStatus(500)));
        var spec = Webhooks.Spec.of(url(path), kit.cipher, Webhooks.newSigningSecret()).maxRetries(5);
        kit.publishWebhook(spec.config());

        // When enough calls fail
        for (int i = 0; i < 3; i++) {
            kit.publishJob(spec.job("B-" + i, "{}", i));
        }

        // Then the circuit opens and is counted in the metrics
        await().atMost(DispatcherKit.timeout()).until(() -> circuitState(spec.id(), url(path)) == State.OPEN);
        assertThat(circuitsIn("open")).isGreaterThanOrEqualTo(1);
        int whenOpened = requests(path).size();

        // When more jobs come while it is open
        // Then they are put aside without spending an attempt, and the endpoint is left alone
        List<String> later = new ArrayList<>();
        for (int i = 3; i < 8; i++) {
            DeliveryJob job = spec.job("B-" + i, "{}", i);
            later.add(job.deliveryId());
            kit.publishJob(job);
        }
        await().atMost(DispatcherKit.timeout()).until(() -> kit.reader(Topics.retryTier(RetryTier.SECONDS_10).name())
                .values(DeliveryJob.class).stream()
                .filter(job -> later.contains(job.deliveryId()) && job.attempt() == 1)
                .map(DeliveryJob::deliveryId).distinct().count() == later.size());
        assertThat(requests(path)).hasSize(whenOpened);

        // When the endpoint heals, a probe goes through after the open duration and closes the circuit again
        receiver.stubFor(any(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        await().atMost(DispatcherKit.timeout()).until(() -> circuitState(spec.id(), url(path)) == State.CLOSED);
        await().atMost(DispatcherKit.timeout()).until(() -> kit.reader(Topics.WEBHOOK_OPERATIONAL_EVENTS.name())
                .records().stream().anyMatch(record -> spec.id().equals(record.key())
                        && new String(record.value(), StandardCharsets.UTF_8).contains("hookline.endpoint.recovered")));
        await().atMost(DispatcherKit.timeout()).until(() -> successes(path) >= 8);
    }

    @Test
    void shouldKeepPerSubjectOrderAcrossRetries() {
        // Given an ordered endpoint whose first answer for event 0 is a failure
        String path = "/ordered";
        receiver.stubFor(any(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        receiver.stubFor(any(urlPathEqualTo(path)).withRequestBody(equalToJson("{\"n\":0}")).inScenario("order")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        var spec = Webhooks.Spec.of(url(path), kit.cipher, Webhooks.newSigningSecret()).ordering(Ordering.SUBJECT);
        kit.publishWebhook(spec.config());
        List<DeliveryJob> jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            jobs.add(spec.job("INC-ORDER", "{\"n\":" + i + "}", i));
        }
        DeliveryJob otherSubject = spec.job("INC-OTHER", "{\"n\":99}", 5);

        // When
        jobs.forEach(kit::publishJob);
        kit.publishJob(otherSubject);

        // Then the successful deliveries of the subject arrive in event order, the retry of event 0 first
        await().atMost(DispatcherKit.timeout()).until(() -> successes(path) >= 6);
        List<String> delivered = receiver.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(path))
                .filter(event -> event.getResponse().getStatus() == 200)
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .map(event -> event.getRequest().getBodyAsString())
                .filter(body -> !body.contains("99"))
                .toList();
        assertThat(delivered).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}");
    }

    private String url(String path) {
        return "http://localhost:" + receiver.port() + path;
    }

    private List<LoggedRequest> requests(String path) {
        return receiver.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(request -> request.getUrl().startsWith(path))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    private long successes(String path) {
        return receiver.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(path))
                .filter(event -> event.getResponse().getStatus() == 200)
                .count();
    }

    private static Duration span(List<LoggedRequest> requests) {
        return Duration.between(requests.get(0).getLoggedDate().toInstant(),
                requests.get(requests.size() - 1).getLoggedDate().toInstant());
    }

    private State circuitState(String webhookId, String url) {
        return dispatcher.getBean(EndpointCircuits.class).forEndpoint(webhookId, url).getState();
    }

    private double circuitsIn(String state) {
        return dispatcher.getBean(MeterRegistry.class).get("hookline.dispatcher.circuits").tag("state", state)
                .gauge().value();
    }
}
