package io.hookline.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.crypto.SecretCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldGenerateSecretsOnceAndKeepThemAcrossStarts() throws Exception {
        LocalSecrets first = LocalSecrets.loadOrCreate(dataDir, null);
        LocalSecrets second = LocalSecrets.loadOrCreate(dataDir, null);

        assertThat(second).isEqualTo(first);
        assertThat(first.adminToken()).startsWith("hkl_");
        assertThat(SecretCipher.fromBase64Key(first.secretsKey()).decrypt(
                SecretCipher.fromBase64Key(second.secretsKey()).encrypt("x"))).isEqualTo("x");
    }

    @Test
    void shouldPreferTheAdminTokenFromTheEnvironment() throws Exception {
        LocalSecrets secrets = LocalSecrets.loadOrCreate(dataDir, "my-token");

        assertThat(secrets.adminToken()).isEqualTo("my-token");
    }

    @Test
    void shouldKeepTheSecretsFileOwnerOnly() throws Exception {
        LocalSecrets.loadOrCreate(dataDir, null);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("secrets.properties"))))
                .isEqualTo("rw-------");
    }
}
