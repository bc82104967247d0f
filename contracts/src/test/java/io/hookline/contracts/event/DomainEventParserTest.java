package io.hookline.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.contracts.json.Json;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How data of each content type is kept, and the round trip of attributes through the structured JSON form. */
class DomainEventParserTest {

    private final DomainEventParser parser = new DomainEventParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "application/json,              json",
        "application/json; charset=utf-8, json",
        "application/vnd.api+json,      json",
        "text/plain,                    text",
        "application/octet-stream,      binary",
        "image/png,                     binary"})
    void shouldKeepDataAsItsContentTypeSays(String contentType, String kind) throws Exception {
        DomainEvent event = parser.parse(bytes("{\"a\":1}"), binaryHeaders(contentType));

        switch (kind) {
            case "json" -> assertThat(event.data().get("a").asInt()).isEqualTo(1);
            case "text" -> assertThat(event.data().textValue()).isEqualTo("{\"a\":1}");
            default -> assertThat(event.toJson().get("data_base64").asText()).isEqualTo("eyJhIjoxfQ==");
        }
    }

    @Test
    void shouldKeepBytesThatAreNeitherJsonNorUtf8AsBytes() throws Exception {
        byte[] notUtf8 = {(byte) 0xC3, 0x28};

        assertThat(parser.parse(notUtf8, binaryHeaders("text/plain")).data().isBinary()).isTrue();
        assertThat(parser.parse(notUtf8, binaryHeaders(null)).data().isBinary()).isTrue();
    }

    @Test
    void shouldRefuseDataThatClaimsJsonAndIsNot() {
        assertThatThrownBy(() -> parser.parse(bytes("{broken"), binaryHeaders("application/json")))
                .isInstanceOf(InvalidEventException.class)
                .extracting(e -> ((InvalidEventException) e).reason()).isEqualTo("invalid_json");
    }

    @Test
    void shouldReadStructuredDataBase64AndWriteItBack() throws Exception {
        DomainEvent event = parser.parseStructured(bytes("""
                {"specversion":"1.0","id":"e","source":"/s","type":"t","datacontenttype":"application/octet-stream",
                 "data_base64":"AAEC/w==","time":"2026-11-22T10:00:00.120+01:00","dataschema":"https://x/s.json",
                 "traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01","count":3,"flag":false}"""));

        var json = event.toJson();
        assertThat(json.get("data_base64").asText()).isEqualTo("AAEC/w==");
        assertThat(json.get("time").asText()).isEqualTo("2026-11-22T10:00:00.120+01:00");
        assertThat(json.get("dataschema").asText()).isEqualTo("https://x/s.json");
        assertThat(json.get("count").asInt()).isEqualTo(3);
        assertThat(json.get("flag").isBoolean()).isTrue();
        assertThat(event.trace().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(parser.fromJson(Json.MAPPER.readTree(Json.toString(json))).toJson()).isEqualTo(json);
    }

    private static RecordHeaders binaryHeaders(String contentType) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes("e-1"));
        headers.add("ce_source", bytes("/s"));
        headers.add("ce_type", bytes("t"));
        if (contentType != null) {
            headers.add("content-type", bytes(contentType));
        }
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
