package io.hookline.service.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void shouldBeConfigurableFromLogbackXmlAsTheServicesUseIt(@TempDir Path dir) throws Exception {
        System.setProperty(LogFormatEncoder.SYSTEM_PROPERTY, "json");
        Path file = dir.resolve("service.log");
        LoggerContext xmlContext = new LoggerContext();
        xmlContext.setMDCAdapter(MDC.getMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(xmlContext);
        configurator.doConfigure(new ByteArrayInputStream(("""
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder class="io.hookline.service.logging.LogFormatEncoder">
                      <pattern>%%d{ISO8601} %%-5level [%%thread] %%logger{36} - %%msg%%n</pattern>
                    </encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="FILE"/></root>
                </configuration>""".formatted(file)).getBytes(StandardCharsets.UTF_8)));

        try (var ignored = DeliveryMdc.of("wh-1", "dlv-1", "evt-1")) {
            xmlContext.getLogger("io.hookline.test").info("Attempt {} of delivery {} failed", 1, "dlv-1");
        }
        xmlContext.stop();

        String written = Files.readString(file).trim();
        assertThat(written).as(written).startsWith("{").doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(written);
        assertThat(json.get("formattedMessage").asText()).isEqualTo("Attempt 1 of delivery dlv-1 failed");
        assertThat(json.at("/mdc/delivery_id").asText()).isEqualTo("dlv-1");
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
