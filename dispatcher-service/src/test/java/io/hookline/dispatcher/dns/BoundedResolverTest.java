package io.hookline.dispatcher.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.dispatcher.config.DnsSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedResolverTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final CountDownLatch hang = new CountDownLatch(1);
    private final ConcurrentHashMap<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
    private final AtomicLong now = new AtomicLong();
    private volatile String healthyAddress = "93.184.216.34";

    /** {@code *.hung.test} never answers until the test ends; every other name answers {@link #healthyAddress}. */
    private final BoundedResolver.Lookup dns = host -> {
        lookups.computeIfAbsent(host, name -> new AtomicInteger()).incrementAndGet();
        if (host.endsWith(".hung.test")) {
            try {
                hang.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        }
        if (host.startsWith("gone.")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(healthyAddress)};
    };

    private final BoundedResolver resolver = new BoundedResolver(dns,
            new DnsSettings(Duration.ofMillis(200), 2, Duration.ofSeconds(30)), timer, now::get);

    @AfterEach
    void stop() {
        hang.countDown();
        resolver.close();
        timer.shutdownNow();
    }

    @Test
    void shouldFailWithADnsTimeoutWhenTheLookupHangs() {
        assertThatThrownBy(() -> resolver.lookup("a.hung.test").join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(DnsTimeoutException.class)
                .hasMessageContaining("no DNS answer for a.hung.test within 200 ms");
    }

    @Test
    void shouldRunOneLookupPerHostHoweverManyWaitForIt() {
        // When ten deliveries wait for the same hanging host
        for (int i = 0; i < 10; i++) {
            resolver.lookup("a.hung.test");
        }

        // Then one lookup thread is taken, and another host still resolves on the second
        assertThat(resolver.lookup("healthy.example.test").join()).hasSize(1);
        assertThat(lookups.get("a.hung.test")).hasValue(1);
    }

    @Test
    void shouldAnswerFromTheCacheWithinTheTtlAndLookUpAgainAfterIt() {
        // Given
        resolver.lookup("Healthy.Example.Test").join();

        // When
        resolver.lookup("healthy.example.test").join();
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        resolver.lookup("healthy.example.test").join();

        // Then
        assertThat(lookups.get("healthy.example.test")).hasValue(2);
    }

    @Test
    void shouldFallBackToTheLastAnswerWhenALaterLookupRunsOutOfTime() throws Exception {
        // Given a host resolved once, and every lookup thread then held by hanging hosts
        InetAddress[] first = resolver.lookup("healthy.example.test").join();
        resolver.lookup("a.hung.test");
        resolver.lookup("b.hung.test");
        now.addAndGet(Duration.ofSeconds(31).toNanos());

        // When its cached answer has expired and the new lookup cannot run
        InetAddress[] later = resolver.lookup("healthy.example.test").join();

        // Then the checked answer of before stands in, and the HTTP client is handed the same addresses
        assertThat(later).containsExactly(first);
        assertThat(resolver.forHttpClient().resolve("healthy.example.test")).containsExactly(first);
    }

    @Test
    void shouldNotFallBackToAnAnswerForANameThatNoLongerResolves() {
        // A failed lookup is definitive: the name went away, or points somewhere forbidden now
        assertThatThrownBy(() -> resolver.lookup("gone.example.test").join())
                .hasCauseInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> resolver.forHttpClient().resolve("gone.example.test"))
                .isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(DnsTimeoutException.class);
    }

    @Test
    void shouldHandTheHttpClientTheAddressesThatWereChecked() throws Exception {
        // Given an answer checked for a delivery
        InetAddress[] checked = resolver.lookup("[Healthy.Example.Test]").join();

        // When the name points elsewhere by the time the client connects
        healthyAddress = "10.0.0.1";

        // Then the client connects to the checked address, without a second lookup
        assertThat(resolver.forHttpClient().resolve("healthy.example.test")).containsExactly(checked);
        assertThat(lookups.get("healthy.example.test")).hasValue(1);
    }
}
