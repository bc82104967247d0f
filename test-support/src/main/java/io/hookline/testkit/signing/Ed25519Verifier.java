package io.hookline.testkit.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A receiver's check of a Standard Webhooks {@code v1a} signature, written apart from the production signer: the
 * JDK's own ed25519 with the public key decoded from {@code whpk_<base64 of the raw 32 bytes>}.
 */
public final class Ed25519Verifier {

    /** The DER header of an ed25519 SubjectPublicKeyInfo (RFC 8410); the raw 32-byte key follows it. */
    private static final byte[] X509_HEADER = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519Verifier() {
    }

    /** True when one {@code v1a,<sig>} entry of the {@code webhook-signature} header verifies with the key. */
    public static boolean anyVerifies(String signatureHeader, String whpk, String id, String timestamp, String body) {
        return Arrays.stream(signatureHeader.split(" "))
                .filter(entry -> entry.startsWith("v1a,"))
                .anyMatch(entry -> verifies(entry.substring("v1a,".length()), whpk, id, timestamp, body));
    }

    public static boolean verifies(String base64Signature, String whpk, String id, String timestamp, String body) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(whpk));
            verifier.update((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(base64Signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static PublicKey publicKey(String whpk) throws GeneralSecurityException {
        if (!whpk.startsWith("whpk_")) {
            throw new IllegalArgumentException("not a whpk_ key: " + whpk);
        }
        byte[] raw = Base64.getDecoder().decode(whpk.substring("whpk_".length()));
        if (raw.length != 32) {
            throw new IllegalArgumentException("a whpk_ key carries 32 bytes, this one " + raw.length);
        }
        byte[] der = Arrays.copyOf(X509_HEADER, X509_HEADER.length + raw.length);
        System.arraycopy(raw, 0, der, X509_HEADER.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }
}
