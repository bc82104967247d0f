package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.webhook.SigningSecret;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What goes on the wire and into the attempt log for a delivery that succeeds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryRequestTest {

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private ApplicationContext dispatcher;

    @BeforeAll
    void start() {
        receiver.start();
        receiver.stubFor(any(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(200)
                .withHeader("X-Receiver", "ok").withBody("thanks")));
        dispatcher = kit.start(Map.of());
    }

    @AfterAll
    void stop() {
        dispatcher.close();
        receiver.stop();
        kit.close();
    }

    @Test
    void shouldSendASignedRequestThatTheStandardWebhooksLibraryVerifies() {
        // Given
        String secret = Webhooks.newSigningSecret();
        var spec = Webhooks.Spec.of(url("/hook?case=signed"), kit.cipher, secret)
                .basicAuth("alice", kit.cipher.encrypt("s3cret"));
        kit.publishWebhook(spec.config());
        DeliveryJob job = spec.job("INC-1", "{\"incident\":\"INC-1\"}", 1,
                Map.of("X-Team", "sre", "X-Api-Key", "key-123"));

        // When
        kit.publishJob(job);

        // Then
        LoggedRequest request = awaitRequest("signed");
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getBodyAsString()).isEqualTo("{\"incident\":\"INC-1\"}");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeader("User-Agent")).startsWith("Hookline/");
        assertThat(request.getHeader("X-Team")).isEqualTo("sre");
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic YWxpY2U6czNjcmV0");
        assertThat(request.getHeader("webhook-id")).isEqualTo(job.deliveryId());
        assertThatCode(() -> new Webhook(secret).verify(request.getBodyAsString(), headers(request)))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldLogTheAttemptWithSecretsMaskedAndTheResponse() {
        // Given
        var spec = Webhooks.Spec.of(url("/hook?case=masked"), kit.cipher, Webhooks.newSigningSecret())
                .authorization(kit.cipher.encrypt("Bearer top-secret-token"));
        kit.publishWebhook(spec.config());
        DeliveryJob job = spec.job("INC-2", "{\"a\":1}", 2,
                Map.of("X-Api-Key", "key-123", "X-Team", "sre"));

        // When
        kit.publishJob(job);

        // Then
        DeliveryAttempt attempt = awaitAttempts(job.deliveryId(), 1).get(0);
        assertThat(attempt.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(attempt.statusCode()).isEqualTo(200);
        assertThat(attempt.responseBody()).isEqualTo("thanks");
        assertThat(attempt.responseHeaders()).containsEntry("X-Receiver", "ok");
        assertThat(attempt.requestHeaders())
                .containsEntry("Authorization", SecretCipher.MASK)
                .containsEntry("webhook-signature", SecretCipher.MASK)
                .containsEntry("X-Api-Key", SecretCipher.MASK)
                .containsEntry("X-Team", "sre")
                .containsEntry("webhook-id", job.deliveryId());
        assertThat(attempt.toString()).doesNotContain("top-secret-token").doesNotContain("key-123");
        assertThat(attempt.requestBody()).isEqualTo("{\"a\":1}");
        assertThat(attempt.attempt()).isEqualTo(1);
        assertThat(attempt.eventId()).isEqualTo(job.eventId());
        assertThat(kit.attemptLog().records()).filteredOn(r -> r.value() != null)
                .anySatisfy(r -> assertThat(r.key()).isEqualTo(spec.id()));
    }

    @Test
    void shouldSignWithBothSecretsWhileARotatedOneIsStillLive() {
        // Given
        String current = Webhooks.newSigningSecret();
        String previous = Webhooks.newSigningSecret();
        var spec = Webhooks.Spec.of(url("/hook?case=rotated"), kit.cipher, current).secrets(List.of(
                new SigningSecret(kit.cipher.encrypt(current), null),
                new SigningSecret(kit.cipher.encrypt(previous), Instant.now().plusSeconds(3600)),
                new SigningSecret(kit.cipher.encrypt(Webhooks.newSigningSecret()), Instant.now().minusSeconds(1))));
        kit.publishWebhook(spec.config());

        // When
        kit.publishJob(spec.job("INC-3", "{}", 3, Map.of()));

        // Then
        LoggedRequest request = awaitRequest("rotated");
        assertThat(request.getHeader("webhook-signature").split(" ")).hasSize(2);
        assertThatCode(() -> new Webhook(current).verify("{}", headers(request))).doesNotThrowAnyException();
        assertThatCode(() -> new Webhook(previous).verify("{}", headers(request))).doesNotThrowAnyException();
    }

    @Test
    void shouldKeepAContentTypeTheWebhookConfigures() {
        // Given
        var spec = Webhooks.Spec.of(url("/hook?case=ctype"), kit.cipher, Webhooks.newSigningSecret());
        kit.publishWebhook(spec.config());

        // When
        kit.publishJob(spec.job("INC-4", "a=b", 4,
                Map.of("content-type", "application/x-www-form-urlencoded", "Content-Length", "999")));

        // Then
        LoggedRequest request = awaitRequest("ctype");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.getBodyAsString()).isEqualTo("a=b");
    }

    private String url(String path) {
        return "http://localhost:" + receiver.port() + path;
    }

    private LoggedRequest awaitRequest(String caseName) {
        return await().atMost(DispatcherKit.timeout()).until(() -> receiver.getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .filter(request -> request.getUrl().contains("case=" + caseName))
                .findFirst().orElse(null), found -> found != null);
    }

    private List<DeliveryAttempt> awaitAttempts(String deliveryId, int count) {
        return await().atMost(DispatcherKit.timeout())
                .until(() -> kit.attemptsOf(deliveryId), attempts -> attempts.size() >= count);
    }

    private static Map<String, List<String>> headers(LoggedRequest request) {
        return request.getHeaders().all().stream()
                .collect(Collectors.toMap(HttpHeader::key, HttpHeader::values));
    }
}
