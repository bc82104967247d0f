package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.signing.Ed25519KeyPairs;
import io.hookline.contracts.webhook.SigningSecret;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.hookline.testkit.signing.Ed25519Verifier;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code v1a}: the real dispatcher signs with ed25519, and a receiver verifies with the {@code whpk_} key alone. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Ed25519DeliveryTest {

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private ApplicationContext dispatcher;

    @BeforeAll
    void start() {
        receiver.start();
        receiver.stubFor(any(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        dispatcher = kit.start(Map.of());
    }

    @AfterAll
    void stop() {
        dispatcher.close();
        receiver.stop();
        kit.close();
    }

    @Test
    void shouldSendAV1aSignatureThatVerifiesWithThePublicKey() {
        // Given
        Ed25519KeyPairs.Encoded keys = Ed25519KeyPairs.generate();
        var spec = Webhooks.Spec.of(url("/hook?case=v1a"), kit.cipher, keys.privateKey());
        kit.publishWebhook(asV1a(spec.config(), keys.publicKey()));
        DeliveryJob job = spec.job("INC-1", "{\"incident\":\"INC-1\"}", 1);

        // When
        kit.publishJob(job);

        // Then
        LoggedRequest request = awaitRequest("v1a");
        String signature = request.getHeader("webhook-signature");
        assertThat(signature).startsWith("v1a,").doesNotContain(" ");
        assertThat(Ed25519Verifier.anyVerifies(signature, keys.publicKey(), request.getHeader("webhook-id"),
                request.getHeader("webhook-timestamp"), request.getBodyAsString())).isTrue();
        assertThat(Ed25519Verifier.anyVerifies(signature, Ed25519KeyPairs.generate().publicKey(),
                request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"), request.getBodyAsString()))
                .isFalse();
        DeliveryAttempt attempt = await().atMost(DispatcherKit.timeout())
                .until(() -> kit.attemptsOf(job.deliveryId()), attempts -> !attempts.isEmpty()).get(0);
        assertThat(attempt.requestHeaders()).containsEntry("webhook-signature", SecretCipher.MASK);
        assertThat(attempt.toString()).doesNotContain(keys.privateKey().substring("whsk_".length()));
    }

    @Test
    void shouldSignWithBothKeysWhileARotatedKeyIsStillLive() {
        // Given
        Ed25519KeyPairs.Encoded current = Ed25519KeyPairs.generate();
        Ed25519KeyPairs.Encoded previous = Ed25519KeyPairs.generate();
        var spec = Webhooks.Spec.of(url("/hook?case=v1a-rotated"), kit.cipher, current.privateKey()).secrets(List.of(
                new SigningSecret(kit.cipher.encrypt(current.privateKey()), null),
                new SigningSecret(kit.cipher.encrypt(previous.privateKey()), Instant.now().plusSeconds(3600)),
                new SigningSecret(kit.cipher.encrypt(Ed25519KeyPairs.generate().privateKey()),
                        Instant.now().minusSeconds(1))));
        kit.publishWebhook(asV1a(spec.config(), current.publicKey()));

        // When
        kit.publishJob(spec.job("INC-2", "{}", 2));

        // Then
        LoggedRequest request = awaitRequest("v1a-rotated");
        String signature = request.getHeader("webhook-signature");
        assertThat(signature.split(" ")).hasSize(2).allMatch(entry -> entry.startsWith("v1a,"));
        String id = request.getHeader("webhook-id");
        String timestamp = request.getHeader("webhook-timestamp");
        assertThat(Ed25519Verifier.anyVerifies(signature, current.publicKey(), id, timestamp, "{}")).isTrue();
        assertThat(Ed25519Verifier.anyVerifies(signature, previous.publicKey(), id, timestamp, "{}")).isTrue();
    }

    private static WebhookConfig asV1a(WebhookConfig config, String publicKey) {
        ObjectNode node = Json.MAPPER.valueToTree(config);
        node.put("signature_scheme", WebhookConfig.SCHEME_ED25519).put("signing_public_key", publicKey);
        try {
            return Json.MAPPER.treeToValue(node, WebhookConfig.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + receiver.port() + path;
    }

    private LoggedRequest awaitRequest(String caseName) {
        return await().atMost(DispatcherKit.timeout()).until(() -> receiver.getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .filter(request -> request.getUrl().contains("case=" + caseName + "&") || request.getUrl()
                        .endsWith("case=" + caseName))
                .findFirst().orElse(null), found -> found != null);
    }
}
