package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Metrics carry no tenant data: no URL, host, webhook id or name in any label; circuits are counted per state. */
class TenantFreeMetricsTest {

    private static final Pattern LABEL_VALUE = Pattern.compile("=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private final ApplicationContext dispatcher = kit.start(Map.of(
            "hookline.dispatcher.circuit.minimum-calls", 2,
            "hookline.dispatcher.circuit.window-size", 2,
            "hookline.dispatcher.circuit.open-duration", "1h"));

    @AfterEach
    void stop() {
        dispatcher.close();
        receiver.stop();
        kit.close();
    }

    @Test
    void shouldLabelNoMetricWithAnEndpointOrWebhookAndCountCircuitsPerState() {
        // Given three healthy endpoints and one that fails until its circuit opens
        receiver.start();
        receiver.stubFor(any(urlPathEqualTo("/failing")).willReturn(aResponse().withStatus(500)));
        List<Webhooks.Spec> specs = new ArrayList<>();
        for (String path : List.of("/ok-a?token=secret-a", "/ok-b?token=secret-b", "/ok-c?token=secret-c")) {
            receiver.stubFor(any(urlPathEqualTo(path.substring(0, path.indexOf('?'))))
                    .willReturn(aResponse().withStatus(200)));
            specs.add(Webhooks.Spec.of(url(path), kit.cipher, Webhooks.newSigningSecret()));
        }
        var failing = Webhooks.Spec.of(url("/failing"), kit.cipher, Webhooks.newSigningSecret()).maxRetries(5);
        specs.forEach(spec -> kit.publishWebhook(spec.config()));
        kit.publishWebhook(failing.config());

        // When each is sent jobs
        for (int i = 0; i < 3; i++) {
            for (Webhooks.Spec spec : specs) {
                kit.publishJob(spec.job("INC-" + i, "{}", i));
            }
            kit.publishJob(failing.job("INC-" + i, "{}", i));
        }
        await().atMost(DispatcherKit.timeout()).until(() -> kit.attemptLog().values(DeliveryAttempt.class).stream()
                .filter(attempt -> attempt.outcome() == Outcome.SUCCEEDED).count() == 9);

        // Then the circuit gauge counts three closed circuits and one open, with nothing but the state as label
        await().atMost(DispatcherKit.timeout()).until(() -> circuits("open") == 1.0);
        assertThat(circuits("closed")).isEqualTo(3.0);
        assertThat(circuits("half_open")).isZero();
        MeterRegistry registry = dispatcher.getBean(MeterRegistry.class);
        assertThat(registry.find("hookline.dispatcher.circuits").meters())
                .hasSize(3)
                .allSatisfy(meter -> assertThat(meter.getId().getTags()).extracting(Tag::getKey)
                        .containsExactly("state"));

        // And no label of any meter, nor of the Prometheus scrape, names an endpoint or a webhook
        List<String> tenantData = new ArrayList<>(List.of("localhost", "127.0.0.1", "/ok-", "/failing",
                "token=", "secret-", "http:"));
        for (Webhooks.Spec spec : specs) {
            tenantData.add(spec.id());
            tenantData.add(spec.config().name());
        }
        tenantData.add(failing.id());
        List<String> labelValues = new ArrayList<>();
        for (Meter meter : registry.getMeters()) {
            meter.getId().getTags().forEach(tag -> labelValues.add(tag.getValue()));
        }
        Matcher scraped = LABEL_VALUE.matcher(dispatcher.getBean(PrometheusMeterRegistry.class).scrape());
        while (scraped.find()) {
            labelValues.add(scraped.group(1));
        }
        assertThat(labelValues).isNotEmpty().noneMatch(value -> tenantData.stream().anyMatch(value::contains));
    }

    private double circuits(String state) {
        return dispatcher.getBean(MeterRegistry.class).get("hookline.dispatcher.circuits").tag("state", state)
                .gauge().value();
    }

    private String url(String pathAndQuery) {
        return "http://localhost:" + receiver.port() + pathAndQuery;
    }
}
