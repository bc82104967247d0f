package io.hookline.rules.payload;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.http.HttpMessageFactory;
import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.event.DomainEventParser;
import io.hookline.contracts.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each payload_format of CONTRACT.md section 5, checked against the CloudEvents SDK's own HTTP reader. */
class PayloadFormatTest {

    private static final String EVENT = """
            {"specversion":"1.0","id":"evt-7f3a","source":"/incidents","type":"incident.triggered",
             "time":"2026-11-22T10:00:00Z","subject":"INC 123 \\"db\\" 100% é","tenant":"acme",
             "traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
             "data":{"incident":{"id":"INC-123","title":"DB down"}}}""";

    @Test
    void shouldSendTheStructuredCloudEventByDefault() throws Exception {
        DomainEvent event = event(EVENT);

        StandardPayload payload = PayloadFormat.of(null).render(event, json(event));

        assertThat(payload.body()).isEqualTo(json(event));
        assertThat(payload.headers()).isEmpty();
        assertThat(PayloadFormat.of("cloudevent")).isEqualTo(PayloadFormat.CLOUDEVENT);
    }

    @Test
    void shouldSendTheDataAloneInDataFormat() throws Exception {
        DomainEvent event = event(EVENT);

        StandardPayload payload = PayloadFormat.DATA.render(event, json(event));

        assertThat(Json.MAPPER.readTree(payload.body()))
                .isEqualTo(Json.MAPPER.readTree("{\"incident\":{\"id\":\"INC-123\",\"title\":\"DB down\"}}"));
        assertThat(payload.headers()).containsExactly(Map.entry("Content-Type", "application/json"));
    }

    @Test
    void shouldSendTextDataAsItselfWithItsContentType() throws Exception {
        DomainEvent event = event("""
                {"specversion":"1.0","id":"e2","source":"/logs","type":"log.line","datacontenttype":"text/plain",
                 "data":"disk full on \\"db-1\\""}""");

        StandardPayload data = PayloadFormat.DATA.render(event, json(event));
        StandardPayload binary = PayloadFormat.CLOUDEVENT_BINARY.render(event, json(event));

        assertThat(data.body()).isEqualTo("disk full on \"db-1\"");
        assertThat(data.headers()).containsExactly(Map.entry("Content-Type", "text/plain"));
        assertThat(binary.body()).isEqualTo("disk full on \"db-1\"");
        assertThat(binary.headers()).containsEntry("Content-Type", "text/plain").containsEntry("ce-id", "e2");
    }

    @Test
    void shouldKeepAJsonStringAsJsonInDataFormat() throws Exception {
        DomainEvent event = event("""
                {"specversion":"1.0","id":"e3","source":"/s","type":"t","datacontenttype":"application/json",
                 "data":"just a string"}""");

        assertThat(PayloadFormat.DATA.render(event, json(event)).body()).isEqualTo("\"just a string\"");
    }

    @Test
    void shouldSendEveryAttributeAsAPercentEncodedHeaderInBinaryMode() throws Exception {
        DomainEvent event = event(EVENT);

        StandardPayload payload = PayloadFormat.CLOUDEVENT_BINARY.render(event, json(event));

        assertThat(payload.headers()).containsAllEntriesOf(Map.of(
                "ce-specversion", "1.0", "ce-id", "evt-7f3a", "ce-source", "/incidents",
                "ce-type", "incident.triggered", "ce-time", "2026-11-22T10:00:00Z",
                "ce-subject", "INC%20123%20%22db%22%20100%25%20%C3%A9", "ce-tenant", "acme",
                "ce-traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        assertThat(payload.headers()).containsEntry("Content-Type", "application/json");
        assertThat(Json.MAPPER.readTree(payload.body()))
                .isEqualTo(Json.MAPPER.readTree("{\"incident\":{\"id\":\"INC-123\",\"title\":\"DB down\"}}"));
    }

    @Test
    void shouldBeReadBackByTheCloudEventsHttpReaderAsTheSameEvent() throws Exception {
        DomainEvent event = event(EVENT);
        StandardPayload payload = PayloadFormat.CLOUDEVENT_BINARY.render(event, json(event));

        MessageReader reader = HttpMessageFactory.createReader(payload.headers(),
                payload.body().getBytes(StandardCharsets.UTF_8));
        CloudEvent read = reader.toEvent();

        assertThat(read.getId()).isEqualTo("evt-7f3a");
        assertThat(read.getType()).isEqualTo("incident.triggered");
        assertThat(read.getExtension("tenant")).isEqualTo("acme");
        assertThat(read.getTime()).hasToString("2026-11-22T10:00Z");
        assertThat(Json.MAPPER.readTree(read.getData().toBytes()))
                .isEqualTo(Json.MAPPER.readTree(payload.body()));
    }

    @Test
    void shouldSendBinaryDataAsTheStructuredCloudEventInEveryFormat() throws Exception {
        byte[] bytes = {0, (byte) 0xff, 0x10, (byte) 0x80};
        DomainEvent event = event("{\"specversion\":\"1.0\",\"id\":\"e4\",\"source\":\"/s\",\"type\":\"t\","
                + "\"datacontenttype\":\"application/octet-stream\",\"data_base64\":\""
                + Base64.getEncoder().encodeToString(bytes) + "\"}");

        for (PayloadFormat format : new PayloadFormat[] {PayloadFormat.DATA, PayloadFormat.CLOUDEVENT_BINARY}) {
            StandardPayload payload = format.render(event, json(event));

            assertThat(payload.body()).isEqualTo(json(event)).contains("data_base64");
            assertThat(payload.headers())
                    .containsExactly(Map.entry("Content-Type", "application/cloudevents+json"));
        }
    }

    @Test
    void shouldSendAnEmptyBodyForAnEventWithoutData() throws Exception {
        DomainEvent event = event("{\"specversion\":\"1.0\",\"id\":\"e5\",\"source\":\"/s\",\"type\":\"t\"}");

        assertThat(PayloadFormat.DATA.render(event, json(event)).body()).isEmpty();
        StandardPayload binary = PayloadFormat.CLOUDEVENT_BINARY.render(event, json(event));
        assertThat(binary.body()).isEmpty();
        assertThat(binary.headers()).containsEntry("ce-id", "e5").doesNotContainKey("Content-Type");
    }

    @Test
    void shouldReadAnUnknownFormatAsTheDefault() {
        assertThat(PayloadFormat.of("xml")).isEqualTo(PayloadFormat.CLOUDEVENT);
        assertThat(PayloadFormat.of("cloudevent_binary")).isEqualTo(PayloadFormat.CLOUDEVENT_BINARY);
    }

    private static DomainEvent event(String json) throws Exception {
        return new DomainEventParser().fromJson(Json.MAPPER.readTree(json));
    }

    private static String json(DomainEvent event) {
        return Json.toString(event.toJson());
    }
}
