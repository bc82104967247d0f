package io.hookline.dispatcher.http;

import io.hookline.dispatcher.config.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.hc.core5.ssl.SSLContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate authorities the dispatcher trusts: the JVM's default trust store and, when
 * {@code hookline.dispatcher.tls.trust-store} is set, every certificate of that store as well.
 */
public final class TrustAnchors {

    private static final Logger LOG = LoggerFactory.getLogger(TrustAnchors.class);
    private static final String NO_CERTIFICATE_WITHOUT_PASSWORD =
            "no certificate readable without a password (set hookline.dispatcher.tls.trust-store-password)";

    private TrustAnchors() {
    }

    /** Fails with a message naming the setting when the configured store cannot be read. */
    public static SSLContext sslContext(TlsSettings tls) {
        if (!tls.hasTrustStore()) {
            return SSLContexts.createDefault();
        }
        try {
            return SSLContexts.custom().loadTrustMaterial(jvmDefaultsPlus(tls), null).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build the TLS context of the dispatcher: " + e.getMessage(), e);
        }
    }

    /**
     * One store with both sets: an SSL context consults only its first X.509 trust manager, so loading the two stores
     * side by side would silently drop one of them.
     */
    static KeyStore jvmDefaultsPlus(TlsSettings tls) throws GeneralSecurityException {
        List<X509Certificate> extra = readExtra(tls);
        KeyStore merged = emptyStore();
        int index = 0;
        for (X509Certificate authority : jvmDefaults()) {
            merged.setCertificateEntry("jvm-" + index++, authority);
        }
        for (X509Certificate certificate : extra) {
            merged.setCertificateEntry("extra-" + index++, certificate);
        }
        LOG.info("Trusting {} certificate(s) from {} besides the JVM's default trust store", extra.size(),
                tls.trustStore());
        return merged;
    }

    private static List<X509Certificate> jvmDefaults() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        List<X509Certificate> authorities = new ArrayList<>();
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                Collections.addAll(authorities, x509.getAcceptedIssuers());
            }
        }
        return authorities;
    }

    private static List<X509Certificate> readExtra(TlsSettings tls) {
        Path path = Path.of(tls.trustStore());
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(tls.trustStoreType());
            store.load(in, tls.trustStorePassword() == null ? null : tls.trustStorePassword().toCharArray());
            List<X509Certificate> certificates = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                // A trusted-certificate entry, or the certificate of a key entry, as the JDK's own trust manager takes.
                Certificate certificate = store.getCertificate(alias);
                if (certificate instanceof X509Certificate x509) {
                    certificates.add(x509);
                }
            }
            if (certificates.isEmpty()) {
                // PKCS12 stores usually encrypt their certificates too, so without the password they look empty.
                throw unreadable(tls, tls.trustStorePassword() == null ? NO_CERTIFICATE_WITHOUT_PASSWORD
                        : "it holds no X.509 certificate", null);
            }
            return certificates;
        } catch (NoSuchFileException e) {
            throw unreadable(tls, "no such file", e);
        } catch (IOException | GeneralSecurityException e) {
            throw unreadable(tls, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    private static IllegalStateException unreadable(TlsSettings tls, String reason, Exception cause) {
        return new IllegalStateException("Cannot read the trust store " + tls.trustStore()
                + " (hookline.dispatcher.tls.trust-store, type " + tls.trustStoreType() + "): " + reason, cause);
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("An empty in-memory key store cannot fail to load", e);
        }
        return store;
    }
}
