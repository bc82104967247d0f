package io.hookline.dispatcher.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.dispatcher.config.TlsSettings;
import io.hookline.dispatcher.support.TestCa;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsTest {

    @TempDir
    Path directory;

    @Test
    void shouldTrustTheExtraStoreBesidesTheJvmDefaultsNotInsteadOfThem() throws Exception {
        // Given
        TestCa ca = TestCa.create("Hookline trust anchors test CA");
        Path store = ca.writeTrustStore(directory);

        // When
        KeyStore anchors = TrustAnchors.jvmDefaultsPlus(new TlsSettings(store.toString(), TestCa.PASSWORD, "PKCS12"));

        // Then
        List<X509Certificate> jvmDefaults = jvmDefaults();
        assertThat(jvmDefaults).isNotEmpty();
        assertThat(anchors.size()).isEqualTo(jvmDefaults.size() + 1);
        assertThat(anchors.getCertificateAlias(ca.certificate())).isNotNull();
        assertThat(jvmDefaults).allSatisfy(authority -> assertThat(anchors.getCertificateAlias(authority)).isNotNull());
    }

    @Test
    void shouldUseTheJvmDefaultsAloneWhenNoStoreIsConfigured() {
        assertThat(TrustAnchors.sslContext(new TlsSettings(" ", null, "PKCS12"))).isNotNull();
    }

    @Test
    void shouldNameTheSettingAndThePathWhenThePasswordIsWrong() {
        // Given
        Path store = TestCa.create("Hookline wrong password CA").writeTrustStore(directory);

        // When / Then
        assertThatThrownBy(() -> TrustAnchors.sslContext(new TlsSettings(store.toString(), "wrong", "PKCS12")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot read the trust store " + store
                        + " (hookline.dispatcher.tls.trust-store, type PKCS12): ")
                .hasMessageContaining("password");
    }

    @Test
    void shouldSayWhenTheStoreDoesNotExistOrItsTypeIsUnknown() {
        // Given
        Path missing = directory.resolve("missing.p12");
        Path store = TestCa.create("Hookline unknown type CA").writeTrustStore(directory);

        // When / Then
        assertThatThrownBy(() -> TrustAnchors.sslContext(new TlsSettings(missing.toString(), null, "PKCS12")))
                .hasMessageEndingWith("no such file");
        assertThatThrownBy(() -> TrustAnchors.sslContext(new TlsSettings(store.toString(), TestCa.PASSWORD, "PEM")))
                .hasMessageStartingWith("Cannot read the trust store " + store)
                .hasMessageEndingWith("PEM not found");
    }

    @Test
    void shouldRefuseAStoreWithoutCertificates() throws Exception {
        // Given
        Path empty = directory.resolve("empty.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (OutputStream out = Files.newOutputStream(empty)) {
            store.store(out, TestCa.PASSWORD.toCharArray());
        }

        // When / Then
        assertThatThrownBy(() -> TrustAnchors.sslContext(new TlsSettings(empty.toString(), TestCa.PASSWORD, "PKCS12")))
                .hasMessageEndingWith("it holds no X.509 certificate");
    }

    @Test
    void shouldAskForThePasswordWhenTheCertificatesCannotBeReadWithoutIt() {
        // Given
        Path store = TestCa.create("Hookline missing password CA").writeTrustStore(directory);

        // When / Then
        assertThatThrownBy(() -> TrustAnchors.sslContext(new TlsSettings(store.toString(), null, "PKCS12")))
                .hasMessageEndingWith("(set hookline.dispatcher.tls.trust-store-password)");
    }

    private static List<X509Certificate> jvmDefaults() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return Arrays.stream(factory.getTrustManagers())
                .filter(X509TrustManager.class::isInstance)
                .flatMap(manager -> Arrays.stream(((X509TrustManager) manager).getAcceptedIssuers()))
                .toList();
    }
}
