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
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.micronaut.context.ApplicationContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A tenant's webhooks on hosts whose DNS server never answers: their deliveries fail with {@code dns_timeout} and are
 * retried, and meanwhile a healthy endpoint sharing the only partition is served. Before, each of those lookups held
 * one of the 16 sending threads, and a few dozen such jobs stalled every endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DnsIsolationTest {

    private static final int HUNG_HOSTS = 3;
    private static final int WEBHOOKS_PER_HUNG_HOST = 10;

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer healthy = new WireMockServer(options().dynamicPort());
    private final HangingDns dns = new HangingDns();
    private ApplicationContext dispatcher;

    @BeforeAll
    void start() {
        healthy.start();
        healthy.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        dispatcher = ApplicationContext.builder()
                .properties(kit.properties(Map.of(
                        "hookline.kafka.partitions", 1,
                        "hookline.dispatcher.retry-delay-scale", 0.01,
                        "hookline.dispatcher.dns.timeout", "300ms",
                        "hookline.dispatcher.dns.threads", HUNG_HOSTS + 1)))
                .singletons(dns)
                .start();
    }

    @AfterAll
    void stop() {
        dns.release();
        dispatcher.close();
        healthy.stop();
        kit.close();
    }

    @Test
    void shouldKeepDeliveringToHealthyEndpointsWhileAHostsLookupsHang() {
        // Given 30 webhooks on three hosts whose lookups hang, each sent two jobs first
        List<DeliveryJob> hung = new ArrayList<>();
        for (int i = 0; i < HUNG_HOSTS * WEBHOOKS_PER_HUNG_HOST; i++) {
            String url = "http://t" + (i % HUNG_HOSTS) + ".hung.test:" + healthy.port() + "/hook-" + i;
            var spec = Webhooks.Spec.of(url, kit.cipher, Webhooks.newSigningSecret());
            if (i % 10 == 0) {
                // A request timeout shorter than the DNS timeout: still a dns_timeout, not the endpoint's.
                spec = spec.timeoutMs(200);
            }
            kit.publishWebhook(spec.config());
            hung.add(spec.job("H-" + i, "{}", 2L * i));
            hung.add(spec.job("H-" + i, "{}", 2L * i + 1));
        }
        var ok = Webhooks.Spec.of("http://localhost:" + healthy.port() + "/ok", kit.cipher,
                Webhooks.newSigningSecret());
        kit.publishWebhook(ok.config());
        hung.forEach(kit::publishJob);

        // When a healthy endpoint is sent 20 jobs behind them
        List<DeliveryJob> healthyJobs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            healthyJobs.add(ok.job("OK-" + i, "{}", i));
        }
        healthyJobs.forEach(kit::publishJob);

        // Then every healthy job is delivered while the hung hosts still do not answer
        Set<String> healthyIds = healthyJobs.stream().map(DeliveryJob::deliveryId).collect(Collectors.toSet());
        await().atMost(DispatcherKit.timeout()).until(() -> succeeded(healthyIds) == healthyIds.size());
        assertThat(dns.released()).isFalse();

        // And each hung job failed with dns_timeout and was scheduled for a retry, like a connection error
        Set<String> hungIds = hung.stream().map(DeliveryJob::deliveryId).collect(Collectors.toSet());
        await().atMost(DispatcherKit.timeout()).until(() -> firstAttempts(hungIds).size() == hungIds.size());
        assertThat(firstAttempts(hungIds)).allSatisfy(attempt -> {
            assertThat(attempt.errorClass()).isEqualTo("dns_timeout");
            assertThat(attempt.outcome()).isEqualTo(Outcome.RETRYING);
        });

        // And one lookup per hung host ran, however many deliveries waited for it
        assertThat(dns.hungLookups()).isEqualTo(HUNG_HOSTS);
        assertThat(healthy.getAllServeEvents()).allSatisfy(event ->
                assertThat(event.getRequest().getUrl()).isEqualTo("/ok"));
    }

    private long succeeded(Set<String> deliveryIds) {
        return kit.attemptLog().values(DeliveryAttempt.class).stream()
                .filter(attempt -> deliveryIds.contains(attempt.deliveryId()))
                .filter(attempt -> attempt.outcome() == Outcome.SUCCEEDED)
                .count();
    }

    private List<DeliveryAttempt> firstAttempts(Set<String> deliveryIds) {
        return kit.attemptLog().values(DeliveryAttempt.class).stream()
                .filter(attempt -> deliveryIds.contains(attempt.deliveryId()) && attempt.attempt() == 1)
                .toList();
    }

    /** The system's resolver, except that {@code *.hung.test} never answers until the test ends. */
    static final class HangingDns implements DnsResolver {

        private final CountDownLatch release = new CountDownLatch(1);
        private final AtomicInteger hungLookups = new AtomicInteger();

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (!host.endsWith(".hung.test")) {
                return SystemDefaultDnsResolver.INSTANCE.resolve(host);
            }
            hungLookups.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host + ": no answer from its DNS server");
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }

        int hungLookups() {
            return hungLookups.get();
        }

        boolean released() {
            return release.getCount() == 0;
        }

        void release() {
            release.countDown();
        }
    }
}
