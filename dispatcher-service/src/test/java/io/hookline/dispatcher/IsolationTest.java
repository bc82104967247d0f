package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A slow endpoint (answers after 5 s, times out at 2 s), a stalled one (answers after 30 s) and a dead one (refuses
 * connections) share the only partition with a healthy endpoint, which must be served without waiting for them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationTest {

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer healthy = new WireMockServer(options().dynamicPort());
    private final WireMockServer slow = new WireMockServer(options().dynamicPort().containerThreads(60));
    private ApplicationContext dispatcher;

    @BeforeAll
    void start() {
        healthy.start();
        slow.start();
        healthy.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        slow.stubFor(any(urlPathEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(5000)));
        slow.stubFor(any(urlPathEqualTo("/stalled")).willReturn(aResponse().withStatus(200).withFixedDelay(30_000)));
        dispatcher = kit.start(Map.of(
                "hookline.kafka.partitions", 1,
                "hookline.dispatcher.max-in-flight-per-endpoint", 4,
                "hookline.dispatcher.max-queued-per-endpoint", 10,
                "hookline.dispatcher.defer-delay", "10s"));
    }

    @AfterAll
    void stop() {
        dispatcher.close();
        healthy.stop();
        slow.stop();
        kit.close();
    }

    @Test
    void shouldDeliverToAHealthyEndpointWhileOthersOnThePartitionAreSlowOrDead() throws IOException {
        // Given a healthy endpoint, a slow one, a stalled one and a dead one
        var good = Webhooks.Spec.of("http://localhost:" + healthy.port() + "/good", kit.cipher,
                Webhooks.newSigningSecret());
        var sluggish = Webhooks.Spec.of("http://localhost:" + slow.port() + "/slow", kit.cipher,
                Webhooks.newSigningSecret()).timeoutMs(2000).maxRetries(0);
        var stalled = Webhooks.Spec.of("http://localhost:" + slow.port() + "/stalled", kit.cipher,
                Webhooks.newSigningSecret()).timeoutMs(30_000).maxRetries(0);
        var dead = Webhooks.Spec.of("http://127.0.0.1:" + closedPort() + "/dead", kit.cipher,
                Webhooks.newSigningSecret()).maxRetries(0);
        List.of(good, sluggish, stalled, dead).forEach(spec -> kit.publishWebhook(spec.config()));

        // When slow (timing out after 2 s), stalled (answering after 30 s) and dead jobs fill the same partition
        // ahead of and between the healthy ones
        List<DeliveryJob> goodJobs = new ArrayList<>();
        List<DeliveryJob> badJobs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            badJobs.add(publish(sluggish, 100 + i));
            publish(stalled, 400 + i);
            badJobs.add(publish(dead, 200 + i));
            if (i % 2 == 1) {
                goodJobs.add(publish(good, 300 + i));
            }
        }

        // Then every healthy job is delivered, and the slow endpoint's attempts end in their own timeout (how fast
        // the healthy ones go is a benchmark's question, not this test's)
        goodJobs.forEach(job -> assertThat(attemptOf(job).outcome()).isEqualTo(Outcome.SUCCEEDED));
        DeliveryAttempt slowAttempt = attemptOf(badJobs.get(0));
        assertThat(slowAttempt.errorClass()).isEqualTo("timeout");
    }

    private DeliveryJob publish(Webhooks.Spec spec, int position) {
        DeliveryJob job = spec.job("S-" + position, "{\"n\":" + position + "}", position);
        kit.publishJob(job);
        return job;
    }

    private DeliveryAttempt attemptOf(DeliveryJob job) {
        return await().atMost(DispatcherKit.timeout())
                .until(() -> kit.attemptsOf(job.deliveryId()), found -> !found.isEmpty()).get(0);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
