package io.hookline.contracts.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private final SecretCipher cipher = SecretCipher.fromBase64Key(SecretCipher.generateBase64Key());

    @Test
    void shouldDecryptWhatItEncrypted() {
        String sealed = cipher.encrypt("whsec_abc");

        assertThat(sealed).startsWith("v1:").doesNotContain("whsec_abc");
        assertThat(cipher.decrypt(sealed)).isEqualTo("whsec_abc");
    }

    @Test
    void shouldUseAFreshNonceEveryTime() {
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void shouldRefuseAValueSealedWithAnotherKey() {
        String sealed = SecretCipher.fromBase64Key(SecretCipher.generateBase64Key()).encrypt("secret");

        assertThatThrownBy(() -> cipher.decrypt(sealed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseAKeyOfTheWrongLength() {
        assertThatThrownBy(() -> SecretCipher.fromBase64Key("c2hvcnQ="))
                .hasMessageContaining("32 bytes");
    }
}
