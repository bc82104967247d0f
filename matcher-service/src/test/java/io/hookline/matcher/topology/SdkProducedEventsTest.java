package io.hookline.matcher.topology;

import static io.hookline.matcher.topology.MatcherDriver.bytes;
import static io.hookline.matcher.topology.MatcherDriver.header;
import static io.hookline.matcher.topology.TestWebhooks.json;
import static io.hookline.matcher.topology.TestWebhooks.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.kafka.CloudEventSerializer;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.event.TraceContext;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Events produced with the official CloudEvents SDK's Kafka serializer, in binary and in structured mode, reach the
 * job intact: binary data as {@code data_base64}, JSON data as JSON, every extension attribute kept (and usable in
 * filters and templates), and the trace context carried by the job.
 */
class SdkProducedEventsTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String TRACESTATE = "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7";
    private static final byte[] BINARY = {0x00, 0x01, 0x02, (byte) 0xFF};

    private final MatcherDriver matcher = new MatcherDriver();

    @AfterEach
    void close() {
        matcher.close();
    }

    @ParameterizedTest
    @EnumSource(value = Encoding.class, names = {"BINARY", "STRUCTURED"})
    void shouldCarryBinaryDataAsBase64AndEveryExtension(Encoding encoding) {
        matcher.configure(webhook("wh-1"));

        produce(encoding, event("evt-bin").withData("application/octet-stream", BINARY).build());

        DeliveryJob job = matcher.jobs().get(0);
        JsonNode body = json(job.body());
        assertThat(body.get("data_base64").asText()).isEqualTo("AAEC/w==");
        assertThat(body.has("data")).isFalse();
        assertThat(body.get("datacontenttype").asText()).isEqualTo("application/octet-stream");
        assertExtensions(body);
        assertThat(job.trace()).isEqualTo(new TraceContext(TRACEPARENT, TRACESTATE));
        assertThat(job.tenant()).isEqualTo("acme");
        assertThat(matcher.dlq.isEmpty()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Encoding.class, names = {"BINARY", "STRUCTURED"})
    void shouldCarryJsonDataAsJsonAndEveryExtension(Encoding encoding) {
        matcher.configure(webhook("wh-1"));

        produce(encoding, event("evt-json").withData("application/json",
                bytes("{\"incident\":{\"id\":\"INC-9\",\"priority\":\"P1\"}}")).build());

        DeliveryJob job = matcher.jobs().get(0);
        JsonNode body = json(job.body());
        assertThat(body.at("/data/incident/id").asText()).isEqualTo("INC-9");
        assertThat(body.has("data_base64")).isFalse();
        assertThat(body.get("time").asText()).isEqualTo("2026-11-22T10:00:00Z");
        assertExtensions(body);
        assertThat(job.trace()).isEqualTo(new TraceContext(TRACEPARENT, TRACESTATE));
    }

    @Test
    void shouldKeepTextDataAsText() {
        matcher.configure(webhook("wh-1"));

        produce(Encoding.BINARY, event("evt-text").withData("text/plain", bytes("DB down")).build());

        JsonNode body = json(matcher.jobs().get(0).body());
        assertThat(body.get("data").asText()).isEqualTo("DB down");
    }

    @ParameterizedTest
    @EnumSource(value = Encoding.class, names = {"BINARY", "STRUCTURED"})
    void shouldOfferExtensionsToFiltersAndTemplates(Encoding encoding) {
        matcher.configure(
                webhook("wh-eu").filter("{\"field\": \"region\", \"op\": \"eq\", \"value\": \"eu-west\"}")
                        .data("{\"region\": \"{{ cloudevent.region }}\", \"trace\": \"{{ cloudevent.traceparent }}\","
                                + " \"bytes\": \"{{ cloudevent.data_base64 }}\"}"),
                webhook("wh-us").filter("{\"field\": \"region\", \"op\": \"eq\", \"value\": \"us-east\"}"));

        produce(encoding, event("evt-filter").withData("application/octet-stream", BINARY).build());

        var jobs = matcher.jobs();
        assertThat(jobs).extracting(DeliveryJob::webhookId).containsExactly("wh-eu");
        JsonNode body = json(jobs.get(0).body());
        assertThat(body.get("region").asText()).isEqualTo("eu-west");
        assertThat(body.get("trace").asText()).isEqualTo(TRACEPARENT);
        assertThat(body.get("bytes").asText()).isEqualTo("AAEC/w==");
    }

    @Test
    void shouldDeliverAnEventWithAMalformedTraceparentWithoutPropagatingIt() {
        matcher.configure(webhook("wh-1"));

        produce(Encoding.BINARY, CloudEventBuilder.v1().withId("evt-bad-trace").withSource(URI.create("/incidents"))
                .withType("incident.triggered").withExtension("traceparent", "not-a-trace\r\nx-injected: 1")
                .withExtension("tenant", "acme").build());

        DeliveryJob job = matcher.jobs().get(0);
        assertThat(job.trace()).isEqualTo(TraceContext.NONE);
        assertThat(json(job.body()).get("traceparent").asText()).startsWith("not-a-trace");
    }

    @Test
    void shouldSendEventsTheSdkCannotReadToTheDeadLetterTopicWithTheReason() {
        matcher.configure(webhook("wh-1"));

        matcher.send("k1", """
                {"specversion":"1.0","id":"e1","source":"/x","type":"t","data":{},"data_base64":"AA=="}""");
        matcher.send("k2", """
                {"specversion":"1.0","id":"e2","source":"/x","type":"t","time":"yesterday"}""");
        matcher.sendBinary("k3", bytes("{}"), MatcherDriver.headers("ce_specversion", "1.0", "ce_id", "e3",
                "ce_source", "/x", "ce_type", "t", "ce_time", "yesterday"));
        matcher.sendBinary("k4", bytes("{}"), MatcherDriver.headers("ce_specversion", "0.3", "ce_id", "e4",
                "ce_source", "/x", "ce_type", "t"));
        // CloudEvents attribute names are lower-case letters and digits only.
        matcher.send("k5", """
                {"specversion":"1.0","id":"e5","source":"/x","type":"t","Bad_Name":"x"}""");

        var first = matcher.dlq.readRecord();
        assertThat(header(first.headers(), "error")).isEqualTo("invalid_event");
        assertThat(header(first.headers(), "error-detail")).contains("data_base64");
        var second = matcher.dlq.readRecord();
        assertThat(header(second.headers(), "error")).isEqualTo("invalid_attribute");
        assertThat(header(second.headers(), "error-detail")).contains("yesterday");
        var third = matcher.dlq.readRecord();
        assertThat(header(third.headers(), "error")).isEqualTo("invalid_attribute");
        assertThat(header(third.headers(), "ce_time")).isEqualTo("yesterday");
        assertThat(header(matcher.dlq.readRecord().headers(), "error")).isEqualTo("unsupported_specversion");
        var fifth = matcher.dlq.readRecord();
        assertThat(header(fifth.headers(), "error")).isEqualTo("invalid_attribute");
        assertThat(header(fifth.headers(), "error-detail")).contains("Bad_Name");
        assertThat(matcher.jobs()).isEmpty();
    }

    @Test
    void shouldAcceptABinaryModeEventWithoutData() {
        matcher.configure(webhook("wh-1"));

        matcher.sendBinary("INC-9", null, MatcherDriver.headers("ce_specversion", "1.0", "ce_id", "evt-no-data",
                "ce_source", "/incidents", "ce_type", "incident.triggered", "ce_tenant", "acme"));

        JsonNode body = json(matcher.jobs().get(0).body());
        assertThat(body.get("id").asText()).isEqualTo("evt-no-data");
        assertThat(body.has("data")).isFalse();
        assertThat(body.has("data_base64")).isFalse();
    }

    private static CloudEventBuilder event(String id) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/incidents"))
                .withType("incident.triggered")
                .withSubject("INC-9")
                .withTime(OffsetDateTime.parse("2026-11-22T10:00:00Z"))
                .withExtension("tenant", "acme")
                .withExtension("traceparent", TRACEPARENT)
                .withExtension("tracestate", TRACESTATE)
                .withExtension("region", "eu-west")
                .withExtension("priority", 2)
                .withExtension("paged", true);
    }

    private static void assertExtensions(JsonNode body) {
        assertThat(body.get("tenant").asText()).isEqualTo("acme");
        assertThat(body.get("traceparent").asText()).isEqualTo(TRACEPARENT);
        assertThat(body.get("tracestate").asText()).isEqualTo(TRACESTATE);
        assertThat(body.get("region").asText()).isEqualTo("eu-west");
        // Kafka headers carry every attribute as text; structured JSON keeps the integer and the boolean.
        assertThat(body.get("priority").asText()).isEqualTo("2");
        assertThat(body.get("paged").asText()).isEqualTo("true");
    }

    private void produce(Encoding encoding, CloudEvent event) {
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, encoding,
                    CloudEventSerializer.EVENT_FORMAT_CONFIG, "application/cloudevents+json"), false);
            RecordHeaders headers = new RecordHeaders();
            byte[] value = serializer.serialize(MatcherDriver.TOPICS.domainEvents(), headers, event);
            matcher.sendBinary("INC-9", value, headers);
        }
    }
}
