package io.hookline.dispatcher.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.hookline.dispatcher.config.ConnectionSettings;
import io.hookline.dispatcher.config.DnsSettings;
import io.hookline.dispatcher.dns.BoundedResolver;
import io.hookline.dispatcher.ssrf.SsrfGuard;
import io.hookline.dispatcher.support.ConnectProxy;
import io.hookline.dispatcher.support.HttpsReceivers;
import io.hookline.dispatcher.support.TestCa;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.ssl.SSLContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request goes through the configured proxy (HTTPS through a CONNECT tunnel, plain HTTP as an absolute-form
 * request), the SSRF guard still checks the target before the proxy is asked, and the proxy's own failures are told
 * apart from the receiver's.
 */
class EgressProxyTest {

    private static final List<String> TARGETS_ALLOWED = List.of("localhost");

    @TempDir
    Path directory;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        timer.shutdownNow();
    }

    @Test
    void shouldTunnelAnHttpsRequestThroughTheProxyWithItsCredentials() {
        // Given an HTTPS receiver, a proxy on a loopback address the SSRF guard would refuse as a target, and SSRF on
        TestCa ca = TestCa.create("Egress Test CA");
        WireMockServer receiver = HttpsReceivers.start(ca.issue("localhost"), directory);
        opened.add(receiver::stop);
        ConnectProxy proxy = open(new ConnectProxy("hook", "s3cr:et"));
        HttpSender sender = sender(proxyUrl("hook", "s3cr%3Aet", proxy.port()), TARGETS_ALLOWED, trusting(ca));

        // When
        HttpOutcome outcome = sender.send(request(HttpsReceivers.url(receiver, "/hook?case=tunnel"))).join();

        // Then the request reached the receiver through one authenticated CONNECT, by name
        assertThat(outcome.errorClass()).isNull();
        assertThat(outcome.statusCode()).isEqualTo(200);
        assertThat(proxy.requestLines()).containsExactly("CONNECT localhost:" + receiver.httpsPort() + " HTTP/1.1");
        assertThat(proxy.refused()).isEmpty();
        assertThat(HttpsReceivers.requests(receiver, "tunnel")).hasSize(1);
    }

    @Test
    void shouldSendAPlainHttpRequestThroughTheProxy() {
        // Given a plain HTTP receiver
        WireMockServer receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
        opened.add(receiver::stop);
        receiver.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
        ConnectProxy proxy = open(new ConnectProxy("hook", "pw"));
        HttpSender sender = sender(proxyUrl("hook", "pw", proxy.port()), TARGETS_ALLOWED, SSLContexts.createDefault());

        // When
        String url = "http://localhost:" + receiver.port() + "/plain";
        HttpOutcome outcome = sender.send(request(url)).join();

        // Then the proxy was asked for the absolute URL, with the credentials
        assertThat(outcome.statusCode()).isEqualTo(204);
        assertThat(proxy.requestLines()).containsExactly("POST " + url + " HTTP/1.1");
        assertThat(proxy.refused()).isEmpty();
        assertThat(receiver.getAllServeEvents()).hasSize(1);
    }

    @Test
    void shouldRefuseAForbiddenTargetBeforeAskingTheProxy() {
        // Given SSRF on with nothing allowed
        ConnectProxy proxy = open(new ConnectProxy("hook", "pw"));
        HttpSender sender = sender(proxyUrl("hook", "pw", proxy.port()), List.of(), SSLContexts.createDefault());

        // When targets resolve to loopback, by name, by literal, and by a form only the proxy would have resolved
        List<HttpOutcome> outcomes = List.of(
                sender.send(request("https://localhost:9/hook")).join(),
                sender.send(request("http://127.0.0.1:9/hook")).join(),
                sender.send(request("http://127.1:9/hook")).join());

        // Then each is refused, and the proxy never heard of them
        assertThat(outcomes).extracting(HttpOutcome::errorClass).containsOnly(FailureClassifier.SSRF_BLOCKED);
        assertThat(proxy.requestLines()).isEmpty();
    }

    @Test
    void shouldEndAsAProxyFailureWhenTheProxyRefusesTheCredentials() {
        // Given a proxy that knows other credentials
        TestCa ca = TestCa.create("Egress Test CA");
        WireMockServer receiver = HttpsReceivers.start(ca.issue("localhost"), directory);
        opened.add(receiver::stop);
        ConnectProxy proxy = open(new ConnectProxy("hook", "right"));
        HttpSender sender = sender(proxyUrl("hook", "wrong", proxy.port()), TARGETS_ALLOWED, trusting(ca));

        // When
        HttpOutcome outcome = sender.send(request(HttpsReceivers.url(receiver, "/hook?case=refused"))).join();

        // Then the attempt failed as the proxy's, with a clear error, and the receiver got nothing
        assertThat(outcome.errorClass()).isEqualTo(FailureClassifier.PROXY);
        assertThat(outcome.error()).contains("refused the request: HTTP 407").doesNotContain("wrong");
        assertThat(proxy.refused()).isNotEmpty();
        assertThat(receiver.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldEndAsAProxyFailureWhenTheProxyIsUnreachable() throws IOException {
        // Given a proxy address nothing listens on
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpSender sender = sender(proxyUrl("hook", "pw", closedPort), TARGETS_ALLOWED, SSLContexts.createDefault());

        // When
        HttpOutcome outcome = sender.send(request("https://localhost:9/hook")).join();

        // Then it is a failed attempt (retried like any connection error) of class proxy, without the credentials
        assertThat(outcome.errorClass()).isEqualTo(FailureClassifier.PROXY);
        assertThat(outcome.statusCode()).isNull();
        assertThat(outcome.error()).contains("proxy 127.0.0.1:" + closedPort + " unreachable").doesNotContain("pw");
    }

    private static String proxyUrl(String user, String password, int port) {
        return "http://" + user + ":" + password + "@127.0.0.1:" + port;
    }

    private HttpSender sender(String proxyUrl, List<String> allow, SSLContext tls) {
        EgressProxy proxy = EgressProxy.parse(proxyUrl);
        BoundedResolver dns = new BoundedResolver(SsrfGuard.fromAllowList(InetAddress::getAllByName, allow, true)
                ::resolve, new DnsSettings(Duration.ofSeconds(2), 1, Duration.ofSeconds(30)), timer);
        opened.add(dns);
        CloseableHttpAsyncClient client = HttpClientFactory.start(dns.forHttpClient(), 10,
                ConnectionSettings.DEFAULTS, tls, null, proxy);
        opened.add(() -> client.close(CloseMode.IMMEDIATE));
        return new HttpSender(client, timer, dns, Runnable::run, 2, () -> { }, proxy);
    }

    private static SSLContext trusting(TestCa ca) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", ca.certificate());
            return SSLContexts.custom().loadTrustMaterial(store, null).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private static OutgoingRequest request(String url) {
        return new OutgoingRequest("POST", url, Map.of("Content-Type", "application/json", "webhook-id", "msg_1"),
                "{}", 5000);
    }
}
