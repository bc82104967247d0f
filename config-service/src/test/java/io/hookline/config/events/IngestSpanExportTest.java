package io.hookline.config.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.hookline.config.support.ConfigServiceInstance;
import io.hookline.testkit.ExportedBytes;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With an OTLP endpoint configured, an event posted to the API is a span of its own trace at an OTLP/HTTP receiver. */
class IngestSpanExportTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final Map<String, String> OTEL = Map.of(
            "otel.exporter.otlp.protocol", "http/protobuf",
            "otel.bsp.schedule.delay", "100");

    private static final WireMockServer COLLECTOR = new WireMockServer(options().dynamicPort());
    private static ConfigServiceInstance service;

    @BeforeAll
    static void start() {
        COLLECTOR.start();
        COLLECTOR.stubFor(post(urlPathEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)));
        System.setProperty("otel.exporter.otlp.endpoint", "http://localhost:" + COLLECTOR.port());
        OTEL.forEach(System::setProperty);
        service = ConfigServiceInstance.start("ingest-span");
    }

    @AfterAll
    static void stop() {
        service.close();
        System.clearProperty("otel.exporter.otlp.endpoint");
        OTEL.keySet().forEach(System::clearProperty);
        COLLECTOR.stop();
    }

    @Test
    void shouldExportTheIngestSpanInTheEventsTrace() {
        var accepted = service.admin().post("/api/v1/events", """
                {"specversion":"1.0","id":"evt-ingest-span","source":"/x","type":"incident.triggered",
                 "traceparent":"00-%s-00f067aa0ba902b7-01","data":{}}""".formatted(TRACE_ID));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        byte[] traceId = HexFormat.of().parseHex(TRACE_ID);
        await().atMost(Duration.ofSeconds(30)).until(() -> COLLECTOR
                .findAll(postRequestedFor(urlPathEqualTo("/v1/traces")))
                .stream().anyMatch(request -> ExportedBytes.contains(request.getBody(), traceId)
                        && ExportedBytes.contains(request.getBody(), "hookline.ingest")
                        && ExportedBytes.contains(request.getBody(), "evt-ingest-span")
                        && ExportedBytes.contains(request.getBody(), "hookline-config")));
    }
}
