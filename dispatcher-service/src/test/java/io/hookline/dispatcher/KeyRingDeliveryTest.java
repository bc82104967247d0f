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
import io.hookline.contracts.crypto.SealedHeaders;
import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A dispatcher given a key ring opens secrets sealed with its older key and with its newest one alike. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyRingDeliveryTest {

    private final DispatcherKit kit = new DispatcherKit();
    private final String newestKey = SecretCipher.generateBase64Key();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private ApplicationContext dispatcher;

    @BeforeAll
    void start() {
        receiver.start();
        receiver.stubFor(any(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        // The kit's key stays hookline.secrets.key, the oldest of the ring.
        dispatcher = kit.start(Map.of("hookline.secrets.keys", newestKey));
    }

    @AfterAll
    void stop() {
        dispatcher.close();
        receiver.stop();
        kit.close();
    }

    @Test
    void shouldSignWithASecretOfTheOldKeyAndAuthorizeWithOneOfTheNewest() {
        // Given a webhook whose signing secret was sealed with the old key and authorization with the newest
        SecretCipher newest = SecretCipher.fromBase64Key(newestKey);
        String secret = Webhooks.newSigningSecret();
        var spec = Webhooks.Spec.of("http://localhost:" + receiver.port() + "/hook?case=ring", kit.cipher, secret)
                .authorization(newest.encrypt("Bearer from-the-newest-key"));
        kit.publishWebhook(spec.config());
        // and a job carrying a header value config-service sealed (with the old key)
        String sealedHeader = SealedHeaders.sealLiterals(Json.MAPPER.createObjectNode().put("X-Team", "sre"),
                kit.cipher).get("X-Team").textValue();
        DeliveryJob job = spec.job("INC-9", "{\"a\":9}", 1, Map.of("X-Team", sealedHeader));

        // When
        kit.publishJob(job);

        // Then all open: the request is signed with the old-key secret, carries the newest-key header, the plain value
        LoggedRequest request = await().atMost(DispatcherKit.timeout()).until(() -> receiver.getAllServeEvents()
                .stream().map(event -> event.getRequest()).filter(r -> r.getUrl().contains("case=ring"))
                .findFirst().orElse(null), found -> found != null);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer from-the-newest-key");
        assertThat(request.getHeader("X-Team")).isEqualTo("sre");
        Map<String, List<String>> headers = request.getHeaders().all().stream()
                .collect(Collectors.toMap(HttpHeader::key, HttpHeader::values));
        assertThatCode(() -> new Webhook(secret).verify(request.getBodyAsString(), headers))
                .doesNotThrowAnyException();
    }
}
