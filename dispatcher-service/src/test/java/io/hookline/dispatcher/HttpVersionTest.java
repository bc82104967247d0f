package io.hookline.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.dispatcher.support.ConnectionRecordingReceiver;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.HttpsReceivers;
import io.hookline.dispatcher.support.TestCa;
import io.hookline.dispatcher.support.Webhooks;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP version on the wire: HTTP/2 where a TLS endpoint offers it, keep-alive HTTP/1.1 over plain HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpVersionTest {

    @TempDir
    static Path certificates;
    private final DispatcherKit kit = new DispatcherKit();
    private final TestCa ca = TestCa.create("Hookline HTTP version test CA");
    private final ConnectionRecordingReceiver plainReceiver = new ConnectionRecordingReceiver();
    private WireMockServer h2Receiver;
    private ApplicationContext dispatcher;

    @BeforeAll
    void start() {
        h2Receiver = HttpsReceivers.start(ca.issue("localhost"), certificates);
        dispatcher = kit.start(Map.of(
                "hookline.dispatcher.tls.trust-store", ca.writeTrustStore(certificates).toString(),
                "hookline.dispatcher.tls.trust-store-password", TestCa.PASSWORD));
    }

    @AfterAll
    void stop() {
        dispatcher.close();
        h2Receiver.stop();
        plainReceiver.close();
        kit.close();
    }

    @Test
    void shouldDeliverOverHttp2WhenTheTlsEndpointOffersIt() {
        // Given
        String secret = Webhooks.newSigningSecret();
        var spec = Webhooks.Spec.of(HttpsReceivers.url(h2Receiver, "/hook?case=h2"), kit.cipher, secret);
        kit.publishWebhook(spec.config());
        DeliveryJob job = spec.job("INC-1", "{\"incident\":\"INC-1\"}", 1, Map.of("X-Team", "sre"));

        // When
        kit.publishJob(job);

        // Then
        LoggedRequest request = await().atMost(DispatcherKit.timeout())
                .until(() -> HttpsReceivers.requests(h2Receiver, "h2"), found -> !found.isEmpty()).get(0);
        assertThat(request.getProtocol()).isEqualTo("HTTP/2.0");
        assertThat(request.getBodyAsString()).isEqualTo("{\"incident\":\"INC-1\"}");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeader("User-Agent")).startsWith("Hookline/");
        assertThat(request.getHeader("X-Team")).isEqualTo("sre");
        assertThat(request.getHeader("webhook-id")).isEqualTo(job.deliveryId());
        assertThatCode(() -> new Webhook(secret).verify(request.getBodyAsString(), headers(request)))
                .doesNotThrowAnyException();
        DeliveryAttempt attempt = awaitAttempt(job.deliveryId());
        assertThat(attempt.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(attempt.statusCode()).isEqualTo(200);
        assertThat(attempt.responseBody()).isEqualTo("thanks");
    }

    @Test
    void shouldSendPlainHttpAsHttp11AndKeepTheConnectionForTheNextDelivery() {
        // Given
        var spec = Webhooks.Spec.of(plainReceiver.url("/hook?case=plain"), kit.cipher, Webhooks.newSigningSecret());
        kit.publishWebhook(spec.config());
        DeliveryJob first = spec.job("INC-2", "{\"n\":1}", 2);
        DeliveryJob second = spec.job("INC-3", "{\"n\":2}", 3);

        // When the second job is published only once the first is done, so both could use one idle connection
        kit.publishJob(first);
        assertThat(awaitAttempt(first.deliveryId()).outcome()).isEqualTo(Outcome.SUCCEEDED);
        kit.publishJob(second);
        assertThat(awaitAttempt(second.deliveryId()).outcome()).isEqualTo(Outcome.SUCCEEDED);

        // Then
        List<ConnectionRecordingReceiver.Received> received = plainReceiver.received("plain");
        assertThat(received).extracting(ConnectionRecordingReceiver.Received::webhookId)
                .containsExactly(first.deliveryId(), second.deliveryId());
        assertThat(received).extracting(ConnectionRecordingReceiver.Received::protocol)
                .containsOnly("HTTP/1.1");
        assertThat(received).extracting(ConnectionRecordingReceiver.Received::body)
                .containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(received.get(1).clientPort()).as("client port of the second request (keep-alive)")
                .isEqualTo(received.get(0).clientPort());
    }

    private DeliveryAttempt awaitAttempt(String deliveryId) {
        return await().atMost(DispatcherKit.timeout())
                .until(() -> kit.attemptsOf(deliveryId), attempts -> !attempts.isEmpty()).get(0);
    }

    private static Map<String, List<String>> headers(LoggedRequest request) {
        return request.getHeaders().all().stream()
                .collect(Collectors.toMap(HttpHeader::key, HttpHeader::values));
    }
}
