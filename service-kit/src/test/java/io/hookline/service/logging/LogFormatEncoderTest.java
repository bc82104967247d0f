package io.hookline.service.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogFormatEncoderTest {

    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void clear() {
        System.clearProperty(LogFormatEncoder.SYSTEM_PROPERTY);
        MDC.clear();
    }

    @Test
    void shouldWriteTextByDefault() {
        String line = encode();

        assertThat(line).contains("INFO").contains("attempt failed").doesNotStartWith("{");
    }

    @Test
    void shouldWriteTextForAnUnknownFormatRatherThanNothing() {
        System.setProperty(LogFormatEncoder.SYSTEM_PROPERTY, "jsno");

        assertThat(encode()).contains("attempt failed").doesNotStartWith("{");
    }

    @Test
    void shouldWriteOneJsonObjectPerLineWithTheDeliveryIds() throws Exception {
        System.setProperty(LogFormatEncoder.SYSTEM_PROPERTY, "JSON");

        String line;
        try (var ignored = DeliveryMdc.of("wh-1", "dlv-1", "evt-1")) {
            line = encode();
        }

        assertThat(line).endsWith("\n").doesNotContain("\n{");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("formattedMessage").asText()).isEqualTo("attempt failed");
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.at("/mdc/webhook_id").asText()).isEqualTo("wh-1");
        assertThat(json.at("/mdc/delivery_id").asText()).isEqualTo("dlv-1");
        assertThat(json.at("/mdc/event_id").asText()).isEqualTo("evt-1");
    }

    @Test
    void shouldClearTheDeliveryIdsAfterwardsAndRestoreAnOuterOne() {
        MDC.put(DeliveryMdc.WEBHOOK_ID, "outer");

        try (var ignored = DeliveryMdc.of("wh-1", "dlv-1", "evt-1")) {
            assertThat(MDC.get(DeliveryMdc.WEBHOOK_ID)).isEqualTo("wh-1");
        }

        assertThat(MDC.get(DeliveryMdc.WEBHOOK_ID)).isEqualTo("outer");
        assertThat(MDC.get(DeliveryMdc.DELIVERY_ID)).isNull();
        assertThat(MDC.get(DeliveryMdc.EVENT_ID)).isNull();
    }

    private String encode() {
        LogFormatEncoder encoder = new LogFormatEncoder();
        encoder.setContext(context);
        encoder.start();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("test"), Level.INFO, "attempt failed", null,
                null);
        event.setMDCPropertyMap(MDC.getCopyOfContextMap() == null ? java.util.Map.of() : MDC.getCopyOfContextMap());
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }
}
