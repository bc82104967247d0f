package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.event.TraceContext;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.micronaut.context.ApplicationContext;
import io.hookline.testkit.ExportedBytes;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With {@code otel.exporter.otlp.endpoint} set (the system-property form of {@code OTEL_EXPORTER_OTLP_ENDPOINT}), the
 * dispatcher exports a span per attempt, over OTLP/HTTP, in the event's trace: a real OTLP HTTP receiver (a WireMock
 * stub on {@code /v1/traces}) gets a span with the event's trace id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttemptSpanExportTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final TraceContext TRACE = TraceContext.of("00-" + TRACE_ID + "-00f067aa0ba902b7-01", null);
    private static final Map<String, String> OTEL = Map.of(
            "otel.exporter.otlp.protocol", "http/protobuf",
            "otel.bsp.schedule.delay", "100",
            "otel.service.name", "dispatcher-under-test");

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private final WireMockServer collector = new WireMockServer(options().dynamicPort());
    private ApplicationContext dispatcher;

    @BeforeAll
    void start() {
        receiver.start();
        collector.start();
        collector.stubFor(post(urlPathEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)));
        System.setProperty("otel.exporter.otlp.endpoint", "http://localhost:" + collector.port());
        OTEL.forEach(System::setProperty);
        dispatcher = kit.start(Map.of());
    }

    @AfterAll
    void stop() {
        dispatcher.close();
        System.clearProperty("otel.exporter.otlp.endpoint");
        OTEL.keySet().forEach(System::clearProperty);
        receiver.stop();
        collector.stop();
        kit.close();
    }

    @Test
    void shouldExportTheAttemptSpanInTheEventsTrace() {
        receiver.stubFor(any(urlPathEqualTo("/spanned")).willReturn(aResponse().withStatus(200)));
        var spec = Webhooks.Spec.of("http://localhost:" + receiver.port() + "/spanned", kit.cipher,
                Webhooks.newSigningSecret());
        kit.publishWebhook(spec.config());
        DeliveryJob plain = spec.job("INC-1", "{}", 1);
        DeliveryJob job = new DeliveryJob(plain.deliveryId(), plain.webhookId(), plain.webhookVersion(),
                plain.tenant(), plain.url(), plain.method(), plain.headers(), plain.body(), plain.eventId(),
                plain.eventType(), plain.eventSubject(), plain.trigger(), plain.eventData(), plain.position(),
                plain.ordering(), 1, plain.maxRetries(), plain.timeoutMs(), plain.createdAt(), null, null, null, null,
                TRACE);

        kit.publishJob(job);

        // OTLP/HTTP protobuf: the trace id is its 16 raw bytes, names and ids are UTF-8 strings.
        byte[] traceId = HexFormat.of().parseHex(TRACE_ID);
        List<LoggedRequest> exports = await().atMost(DispatcherKit.timeout()).until(
                () -> collector.findAll(postRequestedFor(urlPathEqualTo("/v1/traces"))),
                found -> found.stream().anyMatch(request -> ExportedBytes.contains(request.getBody(), traceId)));
        byte[] export = exports.stream().map(LoggedRequest::getBody)
                .filter(body -> ExportedBytes.contains(body, traceId))
                .findFirst().orElseThrow();
        assertThat(ExportedBytes.contains(export, "hookline.attempt")).isTrue();
        assertThat(ExportedBytes.contains(export, job.deliveryId())).isTrue();
        assertThat(ExportedBytes.contains(export, "dispatcher-under-test")).isTrue();
        assertThat(ExportedBytes.contains(export, "/spanned")).as("no URL in the span").isFalse();
    }
}
