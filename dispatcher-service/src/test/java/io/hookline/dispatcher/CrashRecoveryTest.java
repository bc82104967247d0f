package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.dispatcher.consumer.DeliveryConsumer;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A dispatcher stopped like kill -9 midway loses nothing: the next one with the same group delivers the rest. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryTest {

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort().containerThreads(40));

    @AfterAll
    void stop() {
        receiver.stop();
        kit.close();
    }

    @Test
    void shouldDeliverEveryJobAtLeastOnceAfterAnAbruptStop() {
        // Given a slow endpoint, so that many jobs are unfinished when the dispatcher dies
        receiver.start();
        receiver.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(300)));
        var spec = Webhooks.Spec.of("http://localhost:" + receiver.port() + "/hook", kit.cipher,
                Webhooks.newSigningSecret());
        Map<String, Object> settings = Map.of("hookline.dispatcher.max-in-flight-per-endpoint", 2);
        ApplicationContext first = kit.start(settings);
        kit.publishWebhook(spec.config());
        List<DeliveryJob> jobs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            DeliveryJob job = spec.job("S-" + i, "{\"n\":" + i + "}", i);
            jobs.add(job);
            kit.publishJob(job);
        }
        await().atMost(DispatcherKit.timeout()).until(() -> receivedIds().size() >= 4);

        // When it stops abruptly (nothing more committed, requests cut) and a new one starts with the same group
        first.getBean(DeliveryConsumer.class).halt();
        first.close();
        int beforeRestart = receivedIds().size();
        ApplicationContext second = kit.start(settings);

        // Then every job reaches the endpoint at least once
        try {
            Set<String> expected = jobs.stream().map(DeliveryJob::deliveryId).collect(Collectors.toSet());
            await().atMost(DispatcherKit.timeout()).until(() -> receivedIds().containsAll(expected));
            assertThat(beforeRestart).isLessThan(jobs.size());
        } finally {
            second.close();
        }
    }

    private Set<String> receivedIds() {
        return receiver.getAllServeEvents().stream()
                .map(event -> event.getRequest().getHeader("webhook-id"))
                .collect(Collectors.toSet());
    }
}
