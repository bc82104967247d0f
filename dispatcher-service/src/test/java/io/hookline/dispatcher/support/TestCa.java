package io.hookline.dispatcher.support;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made at test time, and the server certificates it issues, written as PKCS12 files: key
 * stores for HTTPS receivers, trust stores for the dispatcher. Nothing is committed, so nothing expires.
 */
public final class TestCa {

    public static final String PASSWORD = "test-password";

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private TestCa(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /** A server's key and its chain up to (and including) the CA. */
    public record ServerCertificate(PrivateKey key, X509Certificate[] chain) {

        public Path writeKeyStore(Path directory) {
            return write(directory, "server", store -> store.setKeyEntry("server", key, PASSWORD.toCharArray(), chain));
        }
    }

    public static TestCa create(String commonName) {
        KeyPair keyPair = newKeyPair();
        X509Certificate certificate = sign(new JcaX509v3CertificateBuilder(new X500Principal("CN=" + commonName),
                        nextSerial(), notBefore(), notAfter(), new X500Principal("CN=" + commonName),
                        keyPair.getPublic()), keyPair.getPrivate(), builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                    builder.addExtension(Extension.subjectKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keyPair.getPublic()));
                });
        return new TestCa(keyPair, certificate);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A server certificate for one host name; {@code localhost} also covers 127.0.0.1. */
    public ServerCertificate issue(String hostName) {
        KeyPair server = newKeyPair();
        GeneralNames names = hostName.equals("localhost")
                ? new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.dNSName, hostName),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")})
                : new GeneralNames(new GeneralName(GeneralName.dNSName, hostName));
        X509Certificate issued = sign(new JcaX509v3CertificateBuilder(certificate, nextSerial(), notBefore(),
                        notAfter(), new X500Principal("CN=" + hostName), server.getPublic()), keyPair.getPrivate(),
                builder -> {
                    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                    builder.addExtension(Extension.subjectAlternativeName, false, names);
                    builder.addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate));
                });
        return new ServerCertificate(server.getPrivate(), new X509Certificate[] {issued, certificate});
    }

    /** A store that holds this CA's certificate alone, as an operator would configure it. */
    public Path writeTrustStore(Path directory) {
        return write(directory, "trust", store -> store.setCertificateEntry("company-ca", certificate));
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws IOException, GeneralSecurityException;
    }

    private interface Entries {
        void add(KeyStore store) throws GeneralSecurityException;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey,
                                        Extensions extensions) {
        try {
            extensions.add(builder);
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }

    private static Path write(Path directory, String kind, Entries entries) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            entries.add(store);
            Path file = Files.createTempFile(directory, kind + "-", ".p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, PASSWORD.toCharArray());
            }
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write a test key store", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger nextSerial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }

    // An hour back, so that a clock a little behind does not see a certificate from the future.
    private static Date notBefore() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(Duration.ofDays(1)));
    }
}
