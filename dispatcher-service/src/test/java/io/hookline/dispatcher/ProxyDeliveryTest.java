package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.dispatcher.support.ConnectProxy;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries through {@code hookline.dispatcher.proxy}, end to end: job on Kafka, request through a real proxy on
 * loopback (which the SSRF guard, on here, would refuse as a target), attempt record on the log.
 */
class ProxyDeliveryTest {

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private ApplicationContext dispatcher;

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        receiver.stop();
        kit.close();
    }

    @Test
    void shouldDeliverThroughTheProxy() {
        // Given a dispatcher with SSRF on (the receiver's name allowed) and a proxy on 127.0.0.1 with credentials
        receiver.start();
        receiver.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        try (ConnectProxy proxy = new ConnectProxy("hookline", "pa55")) {
            dispatcher = start("http://hookline:pa55@127.0.0.1:" + proxy.port());
            String url = "http://localhost:" + receiver.port() + "/through-proxy";
            var spec = Webhooks.Spec.of(url, kit.cipher, Webhooks.newSigningSecret());
            kit.publishWebhook(spec.config());
            DeliveryJob job = spec.job("INC-1", "{}", 1);

            // When
            kit.publishJob(job);

            // Then the delivery succeeded, and went through the proxy
            DeliveryAttempt attempt = firstAttempt(job);
            assertThat(attempt.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(proxy.requestLines()).containsExactly("POST " + url + " HTTP/1.1");
            assertThat(proxy.refused()).isEmpty();
            assertThat(receiver.getAllServeEvents()).hasSize(1);
        }
    }

    @Test
    void shouldRetryWhileTheProxyIsUnreachable() throws IOException {
        // Given a proxy address nothing listens on
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        dispatcher = start("http://hookline:pa55@127.0.0.1:" + closedPort);
        var spec = Webhooks.Spec.of("http://localhost:9/unreached", kit.cipher, Webhooks.newSigningSecret());
        kit.publishWebhook(spec.config());
        DeliveryJob job = spec.job("INC-2", "{}", 2);

        // When
        kit.publishJob(job);

        // Then the attempt failed as the proxy's, without its credentials, and is retried
        DeliveryAttempt attempt = firstAttempt(job);
        assertThat(attempt.outcome()).isEqualTo(Outcome.RETRYING);
        assertThat(attempt.errorClass()).isEqualTo("proxy");
        assertThat(attempt.error()).contains("unreachable").doesNotContain("pa55");
        List<DeliveryAttempt> attempts = await().atMost(DispatcherKit.timeout())
                .until(() -> kit.attemptsOf(job.deliveryId()), found -> found.size() >= 2);
        assertThat(attempts).extracting(DeliveryAttempt::errorClass).containsOnly("proxy");
    }

    private ApplicationContext start(String proxyUrl) {
        return kit.start(Map.of("hookline.local-mode", false,
                "hookline.dispatcher.ssrf.allow", List.of("localhost"),
                "hookline.dispatcher.proxy", proxyUrl,
                "hookline.dispatcher.retry-delay-scale", 0.001));
    }

    private DeliveryAttempt firstAttempt(DeliveryJob job) {
        return await().atMost(DispatcherKit.timeout())
                .until(() -> kit.attemptsOf(job.deliveryId()), found -> !found.isEmpty()).get(0);
    }
}
