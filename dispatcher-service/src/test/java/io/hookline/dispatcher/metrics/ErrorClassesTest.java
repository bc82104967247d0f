package io.hookline.dispatcher.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.dispatcher.http.FailureClassifier;
import org.junit.jupiter.api.Test;

class ErrorClassesTest {

    @Test
    void shouldLabelSuccessNoneKnownClassesAsThemselvesAndAnythingElseOther() {
        assertThat(ErrorClasses.label(null)).isEqualTo("none");
        assertThat(ErrorClasses.label(FailureClassifier.TIMEOUT)).isEqualTo("timeout");
        assertThat(ErrorClasses.label("http_status")).isEqualTo("http_status");
        assertThat(ErrorClasses.label("https://hooks.example/T0?token=abc")).isEqualTo("other");
    }
}
