package io.hookline.contracts.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-256 key of the ring and its id. The id is derived from the key (the first 4 bytes of a SHA-256 over a
 * fixed label and the key), so operators never name keys and two installations with the same key agree on its id.
 */
record SecretKeyEntry(String id, SecretKey key) {

    private static final int KEY_BYTES = 32;
    private static final byte[] ID_LABEL = "hookline-secrets-key-id:".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    static SecretKeyEntry fromBase64(String base64Key, String setting) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException(setting + " is not set: a base64 256-bit AES key is required");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " is not valid base64", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException(setting + " must be 32 bytes (256 bits), was " + bytes.length);
        }
        return new SecretKeyEntry(idOf(bytes), new SecretKeySpec(bytes, "AES"));
    }

    static String generateBase64() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String idOf(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ID_LABEL);
            byte[] digest = sha.digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "SecretKeyEntry[id=" + id + "]";
    }
}
