package io.hookline.contracts.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.webhook.Ordering;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic of the size budget, checked on the worst records it has to hold. */
class SizeLimitsTest {

    private static final int MIB = 1024 * 1024;

    @Test
    void shouldDeriveEveryLimitFromTheEventLimit() {
        assertThat(SizeLimits.DEFAULT.eventMaxBytes()).isEqualTo(MIB);
        assertThat(SizeLimits.DEFAULT.recordMaxBytes()).isEqualTo(8 * MIB);
        assertThat(SizeLimits.DEFAULT.jobMaxBytes()).isEqualTo(8 * MIB - 64 * 1024);
        assertThat(SizeLimits.DEFAULT.renderMaxChars()).isEqualTo(MIB);
        assertThat(new SizeLimits(64 * 1024).recordMaxBytes()).isEqualTo(MIB);
        assertThatThrownBy(() -> new SizeLimits(16 * MIB)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldFitTheJobOfAnEventAtTheLimitWhoseTextJsonEscapesTwofold() {
        // An event at the limit made of quotes doubles when escaped; the job carries it as body and as event copy.
        String event = "\"".repeat(SizeLimits.DEFAULT.eventMaxBytes());
        DeliveryJob standard = job(event, event);
        // A rendered body at the render limit in three-byte characters, and the event copy.
        DeliveryJob templated = job("€".repeat(SizeLimits.DEFAULT.renderMaxChars()), event);

        assertThat(Json.toBytes(standard).length).isLessThanOrEqualTo(SizeLimits.DEFAULT.jobMaxBytes());
        assertThat(Json.toBytes(templated).length).isLessThanOrEqualTo(SizeLimits.DEFAULT.jobMaxBytes());
        assertThat(SizeLimits.DEFAULT.exceedsRecord(JobSize.of(standard))).isFalse();
    }

    @Test
    void shouldBoundAJobFromAboveWithoutWritingIt() {
        DeliveryJob job = job("\u0001\"\\é€😀 plain", "{\"a\":\"\\n\"}");

        assertThat(JobSize.of(job)).isGreaterThanOrEqualTo(Json.toBytes(job).length);
    }

    @Test
    void shouldTellFromLengthsAloneOnlyWhatTheScanWouldTell() {
        long limit = 60_000;
        String plain = "a".repeat(20_000);
        String controls = "\u0001".repeat(20_000);

        assertThat(JobSize.mayExceed(job("small", "small"), limit)).isFalse();
        assertThat(JobSize.mayExceed(job(plain, plain), limit)).isFalse();
        assertThat(JobSize.mayExceed(job(controls, controls), limit)).isTrue();
        assertThat(Json.toBytes(job(controls, "x")).length).isGreaterThan((int) limit);
    }

    @Test
    void shouldFitTheWorstAttemptRecordUnderItsLimit() {
        // Every capped text full of a character JSON writes as six bytes, and a thousand large response headers.
        String controls = "\u0001".repeat(SizeLimits.BODY_CAP_BYTES);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            headers.put("X-Header-" + i, "v".repeat(1000));
        }
        DeliveryAttempt attempt = new DeliveryAttempt("dlv", "wh", "default", 1, Instant.now(), "https://x.test/",
                "POST", Map.of(), controls, true, 200, headers, controls, true, 5, Outcome.SUCCEEDED, null, null,
                null, "evt", "incident.triggered", "incident.triggered", controls);

        AttemptFit.Fitted fitted = AttemptFit.fitted(attempt);

        assertThat(fitted.json().length).isLessThanOrEqualTo(SizeLimits.ATTEMPT_MAX_BYTES);
        assertThat(fitted.attempt().responseHeaders()).hasSizeLessThanOrEqualTo(HeaderCap.MAX_HEADERS + 1)
                .containsKey(HeaderCap.MARKER);
        assertThat(fitted.attempt().requestBody()).isNotEmpty();
    }

    private static DeliveryJob job(String body, String eventData) {
        return new DeliveryJob("dlv_1", "wh-1", 1, "default", "https://example.com/hook", "POST",
                Map.of("Content-Type", "application/json"), body, "evt-1", "incident.triggered", "INC-1", null,
                eventData, "0:1", Ordering.NONE, 1, 3, 10_000, Instant.now(), null, null, null);
    }
}
