package io.hookline.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceContextTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void shouldKeepAW3cTraceparentAndItsTracestate() {
        TraceContext trace = TraceContext.of(TRACEPARENT, "rojo=00f067aa0ba902b7");

        assertThat(trace.traceparent()).isEqualTo(TRACEPARENT);
        assertThat(trace.tracestate()).isEqualTo("rojo=00f067aa0ba902b7");
        assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-trace", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\nx-injected: 1"})
    void shouldIgnoreATraceparentNotInTheW3cForm(String traceparent) {
        assertThat(TraceContext.of(traceparent, "rojo=1")).isEqualTo(TraceContext.NONE);
    }

    @Test
    void shouldDropATracestateThatCannotBeAHeader() {
        assertThat(TraceContext.of(TRACEPARENT, "a=1\r\nb: 2").tracestate()).isNull();
        assertThat(TraceContext.of(TRACEPARENT, "a=" + "x".repeat(600)).tracestate()).isNull();
        assertThat(TraceContext.of(null, "a=1")).isEqualTo(TraceContext.NONE);
    }
}
