package io.hookline.service.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.contracts.crypto.SecretCipher;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ring both config-service and the dispatcher build from {@code hookline.secrets.keys} and {@code .key}. */
class SecretsSettingsTest {

    private static final String OLD = SecretCipher.generateBase64Key();
    private static final String NEW = SecretCipher.generateBase64Key();

    @Test
    void shouldEncryptWithTheFirstOfKeysAndDecryptWithTheSingleKeyToo() {
        String sealedWithOld = new SecretsSettings(null, OLD).cipher().encrypt("pw");

        SecretCipher ring = new SecretsSettings(List.of(NEW), OLD).cipher();

        assertThat(ring.primaryKeyId()).isEqualTo(SecretCipher.fromBase64Key(NEW).primaryKeyId());
        assertThat(ring.keyIds()).hasSize(2);
        assertThat(ring.decrypt(sealedWithOld)).isEqualTo("pw");
    }

    @Test
    void shouldNotCountTheSameKeyTwice() {
        assertThat(new SecretsSettings(List.of(NEW, OLD), OLD).cipher().keyIds()).hasSize(2);
        assertThat(new SecretsSettings(List.of(" " + NEW + " ", ""), null).cipher().keyIds()).hasSize(1);
    }

    @Test
    void shouldRefuseNoKeyAtAll() {
        assertThatThrownBy(() -> new SecretsSettings(List.of(), " ").cipher())
                .hasMessageContaining("hookline.secrets.key is not set");
    }
}
