package io.hookline.matcher.topology;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.hookline.matcher.topology.TestWebhooks.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.hookline.rules.template.TemplateLimits;
import io.hookline.service.tracing.EventSpans;
import io.hookline.service.tracing.SpanExport;
import io.hookline.testkit.ExportedBytes;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With an OTLP endpoint configured, matching an event is a span of the event's trace, sent to an OTLP/HTTP receiver.
 */
class MatchSpanExportTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final Map<String, String> OTEL = Map.of(
            "otel.exporter.otlp.protocol", "http/protobuf",
            "otel.bsp.schedule.delay", "100");

    private final WireMockServer collector = new WireMockServer(options().dynamicPort());
    private SpanExport export;
    private MatcherDriver matcher;

    @BeforeEach
    void start() {
        collector.start();
        collector.stubFor(post(urlPathEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)));
        System.setProperty("otel.exporter.otlp.endpoint", "http://localhost:" + collector.port());
        OTEL.forEach(System::setProperty);
        export = SpanExport.fromEnvironment("hookline-matcher");
        matcher = new MatcherDriver(TemplateLimits.DEFAULT, System::nanoTime, new EventSpans(export));
    }

    @AfterEach
    void stop() {
        matcher.close();
        export.close();
        System.clearProperty("otel.exporter.otlp.endpoint");
        OTEL.keySet().forEach(System::clearProperty);
        collector.stop();
    }

    @Test
    void shouldExportTheMatchSpanInTheEventsTrace() {
        matcher.configure(webhook("wh-1"));

        matcher.send("INC-1", """
                {"specversion":"1.0","id":"evt-span","source":"/x","type":"incident.triggered","tenant":"acme",
                 "traceparent":"00-%s-b7ad6b7169203331-01","data":{}}""".formatted(TRACE_ID));

        assertThat(matcher.jobs()).hasSize(1);
        byte[] traceId = HexFormat.of().parseHex(TRACE_ID);
        await().atMost(Duration.ofSeconds(30)).until(() -> collector
                .findAll(postRequestedFor(urlPathEqualTo("/v1/traces")))
                .stream().anyMatch(request -> ExportedBytes.contains(request.getBody(), traceId)
                        && ExportedBytes.contains(request.getBody(), "hookline.match")
                        && ExportedBytes.contains(request.getBody(), "evt-span")
                        && ExportedBytes.contains(request.getBody(), "hookline-matcher")));
    }
}
