package io.hookline.dispatcher.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.dispatcher.config.ConnectionSettings;
import io.hookline.dispatcher.config.DnsSettings;
import io.hookline.dispatcher.dns.BoundedResolver;
import io.hookline.dispatcher.ssrf.SsrfGuard;
import io.hookline.dispatcher.support.RawReceiver;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.ssl.SSLContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A connection idle for a while is not trusted: load balancers and NATs drop idle flows without a word, and a request
 * written into such a connection waits for its timeout. The pool checks a connection idle longer than
 * {@code validate-after-inactivity} before reuse (HTTP/1.1: it opens a fresh one instead).
 */
class IdleConnectionTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final BoundedResolver dns = new BoundedResolver(
            SsrfGuard.fromAllowList(InetAddress::getAllByName, List.of(), false)::resolve,
            new DnsSettings(Duration.ofSeconds(2), 1, Duration.ofSeconds(30)), timer);
    private final CloseableHttpAsyncClient client = HttpClientFactory.start(dns.forHttpClient(), 10,
            new ConnectionSettings(Duration.ofMillis(100), Duration.ofMinutes(5), Duration.ofSeconds(30), 2),
            SSLContexts.createDefault(), null);
    private final HttpSender sender = new HttpSender(client, timer, dns, Runnable::run);

    @AfterEach
    void stop() {
        client.close(CloseMode.IMMEDIATE);
        dns.close();
        timer.shutdownNow();
    }

    @Test
    void shouldNotReuseAConnectionIdleLongerThanTheValidationInterval() {
        // Given validation after 100 ms idle, an endpoint behind a middlebox that silently drops a flow idle for
        // 300 ms, and one request done
        try (RawReceiver receiver = RawReceiver.silentWhenIdle(Duration.ofMillis(300))) {
            assertThat(sender.send(request(receiver, "first")).join().statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.endedIdle() == 1);

            // When
            HttpOutcome second = sender.send(request(receiver, "second")).join();

            // Then the second request went out on a fresh connection and was answered
            assertThat(second.errorClass()).isNull();
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(receiver.received()).extracting(RawReceiver.Received::connection).containsExactly(1, 2);
        }
    }

    private static OutgoingRequest request(RawReceiver receiver, String id) {
        return new OutgoingRequest("POST", receiver.url("/hook"),
                Map.of("Content-Type", "application/json", "webhook-id", id), "{}", 2000);
    }
}
