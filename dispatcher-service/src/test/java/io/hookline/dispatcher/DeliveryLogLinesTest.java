package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.hookline.service.logging.LogFormatEncoder;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * With the JSON log format switched on, the dispatcher's line about a failed attempt is one JSON object carrying the
 * delivery's webhook, delivery and event ids in its MDC, and no secret of the webhook; the MDC is clear afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryLogLinesTest {

    private static final String ATTEMPT_LOGGER = "io.hookline.dispatcher.delivery.AttemptLog";

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> appender;
    private ApplicationContext dispatcher;

    @BeforeAll
    void start() {
        System.setProperty(LogFormatEncoder.SYSTEM_PROPERTY, "json");
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogFormatEncoder encoder = new LogFormatEncoder();
        encoder.setContext(logging);
        encoder.start();
        appender = new OutputStreamAppender<>();
        appender.setContext(logging);
        appender.setEncoder(encoder);
        appender.setOutputStream(captured);
        appender.start();
        logging.getLogger(ATTEMPT_LOGGER).addAppender(appender);
        receiver.start();
        dispatcher = kit.start(Map.of("hookline.dispatcher.retry-delay-scale", 0.01));
    }

    @AfterAll
    void stop() {
        ((Logger) LoggerFactory.getLogger(ATTEMPT_LOGGER)).detachAppender(appender);
        System.clearProperty(LogFormatEncoder.SYSTEM_PROPERTY);
        dispatcher.close();
        receiver.stop();
        kit.close();
    }

    @Test
    void shouldWriteTheRetryLineAsJsonWithTheDeliveryIdsAndNoSecret() {
        // Given an endpoint that fails once and a webhook with an authorization secret
        receiver.stubFor(any(urlPathEqualTo("/logged")).inScenario("once").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        receiver.stubFor(any(urlPathEqualTo("/logged")).inScenario("once").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200)));
        var spec = Webhooks.Spec.of("http://localhost:" + receiver.port() + "/logged", kit.cipher,
                Webhooks.newSigningSecret()).authorization(kit.cipher.encrypt("Bearer very-secret-token"));
        kit.publishWebhook(spec.config());
        DeliveryJob job = spec.job("INC-1", "{\"a\":1}", 1);

        // When it is delivered, with one retry
        kit.publishJob(job);

        // Then the retry's log line is JSON with the three ids in its MDC
        JsonNode line = await().atMost(DispatcherKit.timeout()).until(() -> retryLine(job), found -> found != null);
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("formattedMessage").asText()).contains(job.deliveryId()).contains("retrying");
        assertThat(line.at("/mdc/webhook_id").asText()).isEqualTo(job.webhookId());
        assertThat(line.at("/mdc/delivery_id").asText()).isEqualTo(job.deliveryId());
        assertThat(line.at("/mdc/event_id").asText()).isEqualTo(job.eventId());
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("very-secret-token")
                .doesNotContain("/logged");
        assertThat(MDC.get("delivery_id")).isNull();
    }

    private JsonNode retryLine(DeliveryJob job) {
        List<String> lines = Arrays.asList(captured.toString(StandardCharsets.UTF_8).split("\n"));
        return lines.stream().filter(line -> line.contains(job.deliveryId()) && line.contains("retrying"))
                .map(line -> {
                    try {
                        return Json.MAPPER.readTree(line);
                    } catch (Exception e) {
                        throw new AssertionError("not a JSON line: " + line, e);
                    }
                })
                .findFirst().orElse(null);
    }
}
