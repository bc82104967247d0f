package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.dispatcher.endpoint.EndpointLanes;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An endpoint without jobs for a while is forgotten (its lane and its closed circuit), and comes back. */
class IdleEndpointsTest {

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private final ApplicationContext dispatcher = kit.start(Map.of("hookline.dispatcher.idle-lane-timeout", "300ms"));

    @AfterEach
    void stop() {
        dispatcher.close();
        receiver.stop();
        kit.close();
    }

    @Test
    void shouldForgetAnIdleEndpointAndServeItAgainLater() {
        // Given an endpoint that was sent one job
        receiver.start();
        receiver.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        var spec = Webhooks.Spec.of("http://localhost:" + receiver.port() + "/idle", kit.cipher,
                Webhooks.newSigningSecret());
        kit.publishWebhook(spec.config());
        DeliveryJob first = spec.job("INC-1", "{}", 1);
        kit.publishJob(first);
        awaitSucceeded(first);
        EndpointLanes lanes = dispatcher.getBean(EndpointLanes.class);

        // When it stays idle past the timeout, Then its lane and its circuit are gone, and the metric counts none
        await().atMost(DispatcherKit.timeout()).until(() -> lanes.endpoints() == 0 && closedCircuits() == 0);

        // When a job comes for it again, Then it is delivered through a new lane
        DeliveryJob second = spec.job("INC-2", "{}", 2);
        kit.publishJob(second);
        awaitSucceeded(second);
        assertThat(receiver.getAllServeEvents()).hasSize(2);
    }

    private void awaitSucceeded(DeliveryJob job) {
        await().atMost(DispatcherKit.timeout()).until(() -> kit.attemptsOf(job.deliveryId()).stream()
                .anyMatch(attempt -> attempt.outcome() == Outcome.SUCCEEDED));
    }

    private double closedCircuits() {
        return dispatcher.getBean(MeterRegistry.class).get("hookline.dispatcher.circuits").tag("state", "closed")
                .gauge().value();
    }
}
