package io.hookline.contracts.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts webhook secrets for the {@code webhook-config} topic with AES-256-GCM under a ring of keys: the newest key
 * encrypts, every key decrypts. A ciphertext reads {@code v2:<key id>:<base64(nonce || ciphertext || tag)>}; the
 * {@code v1:<base64>} form written before key ids existed stays readable with whichever configured key sealed it
 * (GCM's tag tells which).
 */
public final class SecretCipher {

    public static final String MASK = "****************";
    private static final String V1 = "v1:";
    private static final String V2 = "v2:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    /** One per thread: a provider lookup per secret per request cost more than the decryption. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(SecretCipher::newCipher);

    private final SecretKeyEntry primary;
    private final Map<String, SecretKeyEntry> byId;

    private SecretCipher(List<SecretKeyEntry> newestFirst) {
        if (newestFirst.isEmpty()) {
            throw new IllegalArgumentException("hookline.secrets.key is not set: a base64 256-bit AES key is required");
        }
        this.primary = newestFirst.get(0);
        this.byId = new LinkedHashMap<>();
        newestFirst.forEach(key -> byId.putIfAbsent(key.id(), key));
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** A cipher for one base64-encoded 256-bit key, as configured in {@code hookline.secrets.key}. */
    public static SecretCipher fromBase64Key(String base64Key) {
        return new SecretCipher(List.of(SecretKeyEntry.fromBase64(base64Key, "hookline.secrets.key")));
    }

    /** A cipher for several base64-encoded keys, newest first: the first encrypts, all decrypt. */
    public static SecretCipher fromBase64Keys(List<String> newestFirst) {
        List<SecretKeyEntry> keys = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            keys.add(SecretKeyEntry.fromBase64(newestFirst.get(i), "hookline.secrets.keys[" + i + "]"));
        }
        return new SecretCipher(keys);
    }

    public static String generateBase64Key() {
        return SecretKeyEntry.generateBase64();
    }

    /** The id of the key new secrets are sealed with. */
    public String primaryKeyId() {
        return primary.id();
    }

    /** The ids of every key that decrypts, newest first. */
    public List<String> keyIds() {
        return List.copyOf(byId.keySet());
    }

    /** Whether {@code ciphertext} is sealed with the newest key (false for the key-less {@code v1:} form). */
    public boolean isSealedWithPrimary(String ciphertext) {
        return ciphertext == null || ciphertext.startsWith(V2 + primary.id() + ":");
    }

    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, primary.key(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return V2 + primary.id() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * The plaintext; an {@link UnknownKeyException} when the value names a key that is not configured, an
     * {@link IllegalArgumentException} when no configured key opens it (tampered, or sealed with another key).
     */
    public String decrypt(String ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        if (ciphertext.startsWith(V2)) {
            int colon = ciphertext.indexOf(':', V2.length());
            if (colon < 0) {
                throw new IllegalArgumentException("not a Hookline ciphertext: no key id");
            }
            String keyId = ciphertext.substring(V2.length(), colon);
            SecretKeyEntry key = byId.get(keyId);
            if (key == null) {
                throw new UnknownKeyException(keyId, keyIds());
            }
            return open(key, ciphertext.substring(colon + 1));
        }
        if (ciphertext.startsWith(V1)) {
            String sealed = ciphertext.substring(V1.length());
            for (SecretKeyEntry key : byId.values()) {
                try {
                    return open(key, sealed);
                } catch (IllegalArgumentException wrongKey) {
                    // Written before key ids: the next key may be the one that sealed it.
                }
            }
            throw new IllegalArgumentException("cannot decrypt secret: none of the configured keys " + keyIds()
                    + " opens it (wrong key or tampered value)");
        }
        throw new IllegalArgumentException("not a Hookline ciphertext");
    }

    private static String open(SecretKeyEntry key, String base64) {
        try {
            byte[] in = Base64.getDecoder().decode(base64);
            // Re-initialised on every call: decryption may reuse an instance (only encryption needs a fresh nonce).
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("cannot decrypt secret with key " + key.id()
                    + ": wrong key or tampered value", e);
        }
    }
}
