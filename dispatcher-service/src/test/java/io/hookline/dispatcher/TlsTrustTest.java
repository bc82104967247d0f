package io.hookline.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.HttpsReceivers;
import io.hookline.dispatcher.support.TestCa;
import io.hookline.dispatcher.support.Webhooks;
import io.hookline.testkit.SharedKafka;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which certificates the dispatcher accepts: those the JVM trusts, plus those of
 * {@code hookline.dispatcher.tls.trust-store}, and only for the host they were issued to. A refused certificate is
 * logged as error class {@code tls} and retried like any other connection failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTrustTest {

    @TempDir
    static Path certificates;
    private final TestCa companyCa = TestCa.create("Hookline test company CA");
    private final DispatcherKit defaultTrustKit = new DispatcherKit();
    private final DispatcherKit companyTrustKit = new DispatcherKit();
    private WireMockServer internalReceiver;
    private WireMockServer misnamedReceiver;
    private Path companyTrustStore;
    private ApplicationContext defaultTrust;
    private ApplicationContext companyTrust;

    @BeforeAll
    void start() {
        internalReceiver = HttpsReceivers.start(companyCa.issue("localhost"), certificates);
        misnamedReceiver = HttpsReceivers.start(companyCa.issue("elsewhere.test"), certificates);
        companyTrustStore = companyCa.writeTrustStore(certificates);
        defaultTrust = defaultTrustKit.start(Map.of());
        companyTrust = companyTrustKit.start(trustStoreSettings(companyTrustStore.toString(), TestCa.PASSWORD));
    }

    @AfterAll
    void stop() {
        defaultTrust.close();
        companyTrust.close();
        internalReceiver.stop();
        misnamedReceiver.stop();
        defaultTrustKit.close();
        companyTrustKit.close();
    }

    @Test
    void shouldLogAnUntrustedCertificateAsTlsAndRetry() {
        // Given a receiver whose certificate comes from a CA the JVM does not know
        var spec = Webhooks.Spec.of(HttpsReceivers.url(internalReceiver, "/hook?case=untrusted"),
                defaultTrustKit.cipher, Webhooks.newSigningSecret()).maxRetries(1);
        defaultTrustKit.publishWebhook(spec.config());
        DeliveryJob job = spec.job("INC-1", "{}", 1);

        // When
        defaultTrustKit.publishJob(job);

        // Then
        DeliveryAttempt attempt = awaitAttempt(defaultTrustKit, job.deliveryId());
        assertThat(attempt.errorClass()).isEqualTo("tls");
        assertThat(attempt.error()).contains("certification path");
        assertThat(attempt.outcome()).isEqualTo(Outcome.RETRYING);
        assertThat(attempt.nextAttemptAt()).isNotNull();
        assertThat(attempt.statusCode()).isNull();
        assertThat(HttpsReceivers.requests(internalReceiver, "untrusted")).isEmpty();
    }

    @Test
    void shouldDeliverToThatEndpointOnceItsCaIsTheExtraTrustStore() {
        // Given the same receiver, and a dispatcher that trusts the company CA besides the JVM's authorities
        var spec = Webhooks.Spec.of(HttpsReceivers.url(internalReceiver, "/hook?case=trusted"),
                companyTrustKit.cipher, Webhooks.newSigningSecret());
        companyTrustKit.publishWebhook(spec.config());
        DeliveryJob job = spec.job("INC-2", "{\"ok\":true}", 2);

        // When
        companyTrustKit.publishJob(job);

        // Then
        DeliveryAttempt attempt = awaitAttempt(companyTrustKit, job.deliveryId());
        assertThat(attempt.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(attempt.statusCode()).isEqualTo(200);
        assertThat(attempt.errorClass()).isNull();
        assertThat(HttpsReceivers.requests(internalReceiver, "trusted")).singleElement()
                .satisfies(request -> assertThat(request.getBodyAsString()).isEqualTo("{\"ok\":true}"));
    }

    @Test
    void shouldRefuseATrustedCertificateIssuedForAnotherHostAsTls() {
        // Given a receiver at localhost whose certificate, from the trusted CA, names elsewhere.test
        var spec = Webhooks.Spec.of(HttpsReceivers.url(misnamedReceiver, "/hook?case=misnamed"),
                companyTrustKit.cipher, Webhooks.newSigningSecret()).maxRetries(1);
        companyTrustKit.publishWebhook(spec.config());
        DeliveryJob job = spec.job("INC-3", "{}", 3);

        // When
        companyTrustKit.publishJob(job);

        // Then
        DeliveryAttempt attempt = awaitAttempt(companyTrustKit, job.deliveryId());
        assertThat(attempt.errorClass()).isEqualTo("tls");
        assertThat(attempt.error()).contains("localhost").contains("elsewhere.test");
        assertThat(attempt.outcome()).isEqualTo(Outcome.RETRYING);
        assertThat(HttpsReceivers.requests(misnamedReceiver, "misnamed")).isEmpty();
    }

    @Test
    void shouldRefuseToStartWithATrustStoreItCannotRead() {
        // Given a configured trust store whose password is wrong
        Map<String, Object> settings = failingStart(companyTrustStore.toString(), "not-the-password");

        // When / Then the message Micronaut logs when it stops the service names the store, the setting and the cause
        assertThatThrownBy(() -> companyTrustKit.start(settings).close())
                .hasMessageContaining("Cannot read the trust store " + companyTrustStore
                        + " (hookline.dispatcher.tls.trust-store, type PKCS12)")
                .hasMessageContaining("password");
    }

    @Test
    void shouldRefuseToStartWithATrustStoreThatDoesNotExist() {
        // Given
        String missing = certificates.resolve("no-such-store.p12").toString();

        // When / Then
        assertThatThrownBy(() -> companyTrustKit.start(failingStart(missing, TestCa.PASSWORD)).close())
                .hasMessageContaining("Cannot read the trust store " + missing)
                .hasMessageContaining("no such file");
    }

    private static Map<String, Object> trustStoreSettings(String path, String password) {
        return Map.of("hookline.dispatcher.tls.trust-store", path,
                "hookline.dispatcher.tls.trust-store-password", password);
    }

    /** In a consumer group of its own, so that a start that got too far could not take the running one's jobs. */
    private static Map<String, Object> failingStart(String path, String password) {
        Map<String, Object> settings = new HashMap<>(trustStoreSettings(path, password));
        settings.put("hookline.dispatcher.group-id", SharedKafka.uniqueName("never-starts"));
        return settings;
    }

    private static DeliveryAttempt awaitAttempt(DispatcherKit kit, String deliveryId) {
        return await().atMost(DispatcherKit.timeout())
                .until(() -> kit.attemptsOf(deliveryId), attempts -> !attempts.isEmpty()).get(0);
    }
}
