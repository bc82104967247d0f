package io.hookline.contracts.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;

/**
 * Standard Webhooks asymmetric signing ({@code v1a}): ed25519 over {@code id.timestamp.body}. The private key is
 * {@code whsk_} followed by the base64 of its raw 32-byte seed, the form {@link Ed25519KeyPairs} generates.
 */
public final class Ed25519Signing {

    public static final String PRIVATE_KEY_PREFIX = "whsk_";
    public static final String PUBLIC_KEY_PREFIX = "whpk_";
    public static final String ALGORITHM = "Ed25519";
    static final int KEY_BYTES = 32;

    private Ed25519Signing() {
    }

    public static boolean isPrivateKey(String secret) {
        return secret != null && secret.startsWith(PRIVATE_KEY_PREFIX);
    }

    /** The base64 ed25519 signature of {@code id.timestamp.body} with the {@code whsk_} key. */
    public static String sign(String messageId, long timestampSeconds, String body, String privateKey) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey(privateKey));
            signature.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                signature.update(body.getBytes(StandardCharsets.UTF_8));
            }
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ed25519 signing failed", e);
        }
    }

    private static PrivateKey privateKey(String encoded) throws GeneralSecurityException {
        byte[] seed;
        try {
            seed = Base64.getDecoder().decode(encoded.substring(PRIVATE_KEY_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signing key is not whsk_<base64>", e);
        }
        if (seed.length != KEY_BYTES) {
            throw new IllegalArgumentException("signing key must carry 32 bytes, has " + seed.length);
        }
        return KeyFactory.getInstance(ALGORITHM)
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    }
}
