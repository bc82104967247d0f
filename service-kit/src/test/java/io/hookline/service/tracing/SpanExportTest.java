package io.hookline.service.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.event.TraceContext;
import io.opentelemetry.api.trace.SpanKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpanExportTest {

    @Test
    void shouldBeOffWithoutAnOtlpEndpoint() {
        try (SpanExport export = SpanExport.configured("hookline-test", name -> null)) {
            assertThat(export.isOn()).isFalse();
            assertThat(new EventSpans(export).start("x", SpanKind.INTERNAL, TraceContext.NONE).isRecording())
                    .isFalse();
        }
    }

    @Test
    void shouldStartSpansInTheEventsTraceWhenAnEndpointIsSet() {
        Map<String, String> settings = Map.of("otel.exporter.otlp.endpoint", "http://localhost:4318");
        TraceContext trace = TraceContext.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null);

        try (SpanExport export = SpanExport.configured("hookline-test", settings::get)) {
            var span = new EventSpans(export).start("x", SpanKind.INTERNAL, trace);

            assertThat(export.isOn()).isTrue();
            assertThat(span.getSpanContext().getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(span.getSpanContext().getSpanId()).isNotEqualTo("00f067aa0ba902b7");
            span.end();
        }
    }
}
