package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.kafka.CloudEventSerializer;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.event.DomainEventParser;
import io.hookline.contracts.event.TraceContext;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.hookline.rules.match.DeliveryJobs;
import io.hookline.rules.match.PreparedEvent;
import io.hookline.rules.match.RenderedRequest;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The done-when: a trace id given on an event is visible at the receiver and in the attempt record. The event
 * is produced with the CloudEvents SDK in binary mode ({@code ce_traceparent} headers), read by the matcher's parser
 * and made a job by the matcher's job builder, then sent by a real dispatcher through Kafka to a receiver that fails
 * once: both requests and both attempt records carry the producer's trace context.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceToReceiverTest {

    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final String TRACESTATE = "congo=t61rcWkgMzE";

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private ApplicationContext dispatcher;

    @BeforeAll
    void start() {
        receiver.start();
        dispatcher = kit.start(Map.of("hookline.dispatcher.retry-delay-scale", 0.01));
    }

    @AfterAll
    void stop() {
        dispatcher.close();
        receiver.stop();
        kit.close();
    }

    @Test
    void shouldSendTheEventsTraceContextWithEveryAttemptAndLogIt() throws Exception {
        // Given an endpoint that fails once, then answers
        receiver.stubFor(any(urlPathEqualTo("/traced")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("healed"));
        receiver.stubFor(any(urlPathEqualTo("/traced")).inScenario("flaky").whenScenarioStateIs("healed")
                .willReturn(aResponse().withStatus(200)));
        var spec = Webhooks.Spec.of("http://localhost:" + receiver.port() + "/traced", kit.cipher,
                Webhooks.newSigningSecret());
        kit.publishWebhook(spec.config());

        // When an event with a trace context becomes a job, as the matcher makes it, and the job is dispatched
        DeliveryJob job = jobFor(spec, sdkBinaryRecordHeaders());
        kit.publishJob(job);

        // Then the receiver saw the trace context on the first attempt and on the retry
        List<LoggedRequest> requests = await().atMost(DispatcherKit.timeout())
                .until(() -> receiver.findAll(postRequestedFor(urlPathEqualTo("/traced"))), found -> found.size() >= 2);
        assertThat(requests).extracting(request -> request.getHeader("traceparent"))
                .containsExactly(TRACEPARENT, TRACEPARENT);
        assertThat(requests).extracting(request -> request.getHeader("tracestate"))
                .containsExactly(TRACESTATE, TRACESTATE);
        // And both attempt records carry it
        List<DeliveryAttempt> attempts = await().atMost(DispatcherKit.timeout())
                .until(() -> kit.attemptsOf(job.deliveryId()), found -> found.size() >= 2);
        assertThat(attempts).extracting(DeliveryAttempt::outcome).containsExactly(Outcome.RETRYING, Outcome.SUCCEEDED);
        assertThat(attempts).extracting(DeliveryAttempt::trace)
                .containsOnly(new TraceContext(TRACEPARENT, TRACESTATE));
        assertThat(attempts.get(0).trace().traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    }

    @Test
    void shouldSendNoTraceHeadersForAnEventWithoutATraceContext() {
        receiver.stubFor(any(urlPathEqualTo("/untraced")).willReturn(aResponse().withStatus(200)));
        var spec = Webhooks.Spec.of("http://localhost:" + receiver.port() + "/untraced", kit.cipher,
                Webhooks.newSigningSecret());
        kit.publishWebhook(spec.config());
        DeliveryJob job = spec.job("INC-2", "{}", 1);

        kit.publishJob(job);

        List<LoggedRequest> requests = await().atMost(DispatcherKit.timeout())
                .until(() -> receiver.findAll(postRequestedFor(urlPathEqualTo("/untraced"))), found -> !found.isEmpty());
        assertThat(requests.get(0).containsHeader("traceparent")).isFalse();
        assertThat(await().atMost(DispatcherKit.timeout()).until(() -> kit.attemptsOf(job.deliveryId()),
                found -> !found.isEmpty()).get(0).trace()).isEqualTo(TraceContext.NONE);
    }

    private record SdkRecord(byte[] value, RecordHeaders headers) {
    }

    private static SdkRecord sdkBinaryRecordHeaders() {
        var event = CloudEventBuilder.v1().withId("evt-traced").withSource(URI.create("/incidents"))
                .withType("incident.triggered").withSubject("INC-1")
                .withExtension("traceparent", TRACEPARENT).withExtension("tracestate", TRACESTATE)
                .withData("application/json", "{\"incident\":{\"id\":\"INC-1\"}}".getBytes()).build();
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, Encoding.BINARY), false);
            RecordHeaders headers = new RecordHeaders();
            byte[] value = serializer.serialize("domain-events", headers, event);
            return new SdkRecord(value, headers);
        }
    }

    private static DeliveryJob jobFor(Webhooks.Spec spec, SdkRecord record) throws Exception {
        PreparedEvent prepared = PreparedEvent.of(new DomainEventParser().parse(record.value(), record.headers()));
        RenderedRequest request = new RenderedRequest("POST", List.of(spec.url()), Map.of(), prepared.jsonText(),
                RenderedRequest.BodyMode.STANDARD);
        return DeliveryJobs.first(spec.config(), prepared, request, spec.url(), "0:1", Instant.now());
    }
}
