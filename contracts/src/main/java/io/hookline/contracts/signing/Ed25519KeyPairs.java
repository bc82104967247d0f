package io.hookline.contracts.signing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.Base64;

/** New ed25519 key pairs in the Standard Webhooks text forms: {@code whsk_…} private, {@code whpk_…} public. */
public final class Ed25519KeyPairs {

    private Ed25519KeyPairs() {
    }

    /** @param privateKey {@code whsk_} and the base64 of the 32-byte seed; stays on the server, sealed at rest
     *  @param publicKey  {@code whpk_} and the base64 of the raw 32-byte public key, for receivers */
    public record Encoded(String privateKey, String publicKey) {
        @Override
        public String toString() {
            return "Encoded[publicKey=" + publicKey + "]"; // the private key must not reach a log line
        }
    }

    public static Encoded generate() {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(Ed25519Signing.ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ed25519 is not available", e);
        }
        byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes()
                .orElseThrow(() -> new IllegalStateException("the ed25519 private key has no raw form"));
        // X.509 SubjectPublicKeyInfo of ed25519 is a fixed 12-byte header followed by the raw 32-byte key.
        byte[] x509 = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(x509, x509.length - Ed25519Signing.KEY_BYTES, x509.length);
        Base64.Encoder base64 = Base64.getEncoder();
        return new Encoded(Ed25519Signing.PRIVATE_KEY_PREFIX + base64.encodeToString(seed),
                Ed25519Signing.PUBLIC_KEY_PREFIX + base64.encodeToString(raw));
    }
}
