package io.hookline.contracts.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY_A = SecretCipher.generateBase64Key();
    private static final String KEY_B = SecretCipher.generateBase64Key();

    private final SecretCipher cipher = SecretCipher.fromBase64Key(KEY_A);

    @Test
    void shouldDecryptWhatItEncryptedAndNameTheKey() {
        String sealed = cipher.encrypt("whsec_abc");

        assertThat(sealed).startsWith("v2:" + cipher.primaryKeyId() + ":").doesNotContain("whsec_abc");
        assertThat(cipher.primaryKeyId()).matches("[0-9a-f]{8}");
        assertThat(cipher.decrypt(sealed)).isEqualTo("whsec_abc");
    }

    @Test
    void shouldUseAFreshNonceEveryTime() {
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void shouldDeriveTheSameKeyIdFromTheSameKey() {
        assertThat(SecretCipher.fromBase64Key(KEY_A).primaryKeyId()).isEqualTo(cipher.primaryKeyId());
        assertThat(SecretCipher.fromBase64Key(KEY_B).primaryKeyId()).isNotEqualTo(cipher.primaryKeyId());
    }

    @Test
    void shouldEncryptWithTheNewestKeyAndDecryptWithEvery() {
        // Given a value sealed with key A, then B added as the newest key
        String sealedWithA = cipher.encrypt("password-a");
        SecretCipher ring = SecretCipher.fromBase64Keys(List.of(KEY_B, KEY_A));

        // When the ring seals a new value
        String sealedWithB = ring.encrypt("password-b");

        // Then B sealed it, and both values open
        assertThat(ring.primaryKeyId()).isEqualTo(SecretCipher.fromBase64Key(KEY_B).primaryKeyId());
        assertThat(ring.keyIds()).containsExactly(ring.primaryKeyId(), cipher.primaryKeyId());
        assertThat(ring.isSealedWithPrimary(sealedWithB)).isTrue();
        assertThat(ring.isSealedWithPrimary(sealedWithA)).isFalse();
        assertThat(ring.decrypt(sealedWithA)).isEqualTo("password-a");
        assertThat(ring.decrypt(sealedWithB)).isEqualTo("password-b");
    }

    @Test
    void shouldStillReadTheFormWithoutKeyIdWithWhicheverKeySealedIt() throws Exception {
        String legacy = legacyV1(KEY_A, "written-before-key-ids");

        SecretCipher ring = SecretCipher.fromBase64Keys(List.of(KEY_B, KEY_A));

        assertThat(ring.decrypt(legacy)).isEqualTo("written-before-key-ids");
        assertThat(ring.isSealedWithPrimary(legacy)).isFalse();
        assertThatThrownBy(() -> SecretCipher.fromBase64Key(KEY_B).decrypt(legacy))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none of the configured keys");
    }

    @Test
    void shouldNameTheMissingKeyWhenAValueWasSealedWithAKeyNotConfigured() {
        String sealedWithB = SecretCipher.fromBase64Key(KEY_B).encrypt("secret");
        String idB = SecretCipher.fromBase64Key(KEY_B).primaryKeyId();

        assertThatThrownBy(() -> cipher.decrypt(sealedWithB))
                .isInstanceOf(UnknownKeyException.class)
                .hasMessageContaining("encrypted with key " + idB + ", which is not configured")
                .hasMessageContaining(cipher.primaryKeyId())
                .satisfies(e -> assertThat(((UnknownKeyException) e).keyId()).isEqualTo(idB));
    }

    @Test
    void shouldRefuseATamperedValue() {
        String sealed = cipher.encrypt("secret");
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wrong key or tampered");
    }

    @Test
    void shouldRefuseAKeyOfTheWrongLength() {
        assertThatThrownBy(() -> SecretCipher.fromBase64Key("c2hvcnQ="))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretCipher.fromBase64Keys(List.of(KEY_A, "c2hvcnQ=")))
                .hasMessageContaining("hookline.secrets.keys[1]").hasMessageContaining("32 bytes");
    }

    /** A value as Hookline wrote it before key ids: {@code v1:<base64(nonce || ciphertext || tag)>}. */
    private static String legacyV1(String base64Key, String plaintext) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                new GCMParameterSpec(128, nonce));
        byte[] sealed = aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, out, 0, nonce.length);
        System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
        return "v1:" + Base64.getEncoder().encodeToString(out);
    }
}
