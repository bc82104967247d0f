package io.hookline.matcher.topology;

import static io.hookline.matcher.topology.MatcherDriver.bytes;
import static io.hookline.matcher.topology.MatcherDriver.header;
import static io.hookline.matcher.topology.MatcherDriver.text;
import static io.hookline.matcher.topology.TestWebhooks.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.size.SizeLimits;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whatever is not a valid CloudEvent goes to domain-events-dlq, as it came, with the reason; good events go on. */
class InvalidEventsTest {

    private final MatcherDriver matcher = new MatcherDriver();

    @BeforeEach
    void configure() {
        matcher.configure(webhook("wh-1"));
    }

    @AfterEach
    void close() {
        matcher.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "invalid_json            | {\"specversion\":\"1.0\",",
        "invalid_json            | not json at all",
        "not_an_object           | [1, 2, 3]",
        "missing_attribute       | {\"specversion\":\"1.0\",\"source\":\"/x\",\"type\":\"incident.triggered\"}",
        "missing_attribute       | {\"specversion\":\"1.0\",\"id\":\"e1\",\"source\":\"/x\"}",
        "invalid_attribute       | {\"specversion\":\"1.0\",\"id\":42,\"source\":\"/x\",\"type\":\"t\"}",
        "invalid_attribute       | {\"specversion\":\"1.0\",\"id\":\"e1\",\"source\":\"/x\",\"type\":\"t\",\"subject\":{\"a\":1}}",
        "unsupported_specversion | {\"specversion\":\"0.3\",\"id\":\"e1\",\"source\":\"/x\",\"type\":\"t\"}"
    })
    void shouldSendAnInvalidEventToTheDeadLetterTopicAndGoOn(String reason, String value) {
        // When a bad event comes between two good ones
        matcher.send(TestEvents.event("evt-before", "incident.triggered", "acme", "{}"));
        matcher.send("the-key", value);
        matcher.send(TestEvents.event("evt-after", "incident.triggered", "acme", "{}"));

        // Then it is in the DLQ with its key, bytes and reason, counted, and both good ones were matched
        TestRecord<byte[], byte[]> rejected = matcher.dlq.readRecord();
        assertThat(text(rejected.key())).isEqualTo("the-key");
        assertThat(text(rejected.value())).isEqualTo(value);
        assertThat(header(rejected.headers(), "error")).isEqualTo(reason);
        assertThat(header(rejected.headers(), "error-detail")).isNotBlank();
        assertThat(matcher.dlq.isEmpty()).isTrue();
        assertThat(matcher.metrics.invalidEvents(reason)).isEqualTo(1.0);
        assertThat(matcher.jobs()).extracting(DeliveryJob::eventId).containsExactly("evt-before", "evt-after");
    }

    @Test
    void shouldRejectAnEventOverOneMebibyte() {
        String huge = TestEvents.event("evt-huge", "incident.triggered", "acme",
                "{\"blob\":\"" + "x".repeat(SizeLimits.DEFAULT_EVENT_MAX_BYTES) + "\"}");

        matcher.send("k", huge);

        TestRecord<byte[], byte[]> rejected = matcher.dlq.readRecord();
        assertThat(header(rejected.headers(), "error")).isEqualTo("oversized");
        assertThat(rejected.value()).hasSize(huge.length());
        assertThat(matcher.jobs()).isEmpty();
    }

    @Test
    void shouldRejectAnEmptyRecord() {
        matcher.events.pipeInput(bytes("k"), (byte[]) null);

        assertThat(header(matcher.dlq.readRecord().headers(), "error")).isEqualTo("empty");
    }

    @Test
    void shouldAcceptABinaryModeEvent() {
        matcher.sendBinary("INC-9", bytes("{\"incident\":{\"id\":\"INC-9\"}}"), MatcherDriver.headers(
                "ce_specversion", "1.0", "ce_id", "evt-bin", "ce_source", "/incidents", "ce_type", "incident.triggered",
                "ce_subject", "INC-9", "ce_tenant", "acme", "content-type", "application/json"));

        DeliveryJob job = matcher.jobs().get(0);
        assertThat(job.eventId()).isEqualTo("evt-bin");
        assertThat(job.eventSubject()).isEqualTo("INC-9");
        assertThat(TestWebhooks.json(job.body()).at("/data/incident/id").asText()).isEqualTo("INC-9");
        assertThat(matcher.dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectABrokenBinaryModeEventKeepingItsHeaders() {
        matcher.sendBinary("INC-9", bytes("{broken"), MatcherDriver.headers(
                "ce_specversion", "1.0", "ce_id", "evt-bin", "ce_source", "/incidents", "ce_type", "incident.triggered",
                "content-type", "application/json"));
        matcher.sendBinary("INC-9", bytes("{}"), MatcherDriver.headers(
                "ce_specversion", "1.0", "ce_source", "/incidents", "ce_type", "incident.triggered"));

        var first = matcher.dlq.readRecord();
        assertThat(header(first.headers(), "error")).isEqualTo("invalid_json");
        assertThat(header(first.headers(), "ce_id")).isEqualTo("evt-bin");
        assertThat(header(matcher.dlq.readRecord().headers(), "error")).isEqualTo("missing_attribute");
        assertThat(matcher.jobs()).isEmpty();
    }
}
