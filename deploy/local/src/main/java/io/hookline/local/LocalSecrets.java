package io.hookline.local;

import io.hookline.contracts.auth.TokenHash;
import io.hookline.contracts.crypto.SecretCipher;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * The admin token and the secrets key of a local installation, generated on first start and kept under the data dir
 * (owner-only permissions) so that encrypted webhook secrets stay readable across restarts.
 */
public record LocalSecrets(String adminToken, String secretsKey) {

    private static final String FILE_NAME = "secrets.properties";
    private static final String ADMIN_TOKEN = "admin-token";
    private static final String SECRETS_KEY = "secrets-key";

    public static LocalSecrets loadOrCreate(Path dataDir, String adminTokenOverride) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                stored.load(reader);
            }
        }
        boolean changed = false;
        if (stored.getProperty(SECRETS_KEY) == null) {
            stored.setProperty(SECRETS_KEY, SecretCipher.generateBase64Key());
            changed = true;
        }
        if (stored.getProperty(ADMIN_TOKEN) == null) {
            stored.setProperty(ADMIN_TOKEN, TokenHash.newSecret());
            changed = true;
        }
        if (changed) {
            write(file, stored);
        }
        String adminToken = adminTokenOverride != null ? adminTokenOverride : stored.getProperty(ADMIN_TOKEN);
        return new LocalSecrets(adminToken, stored.getProperty(SECRETS_KEY));
    }

    private static void write(Path file, Properties properties) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the data dir's own permissions protect the file.
        }
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "Hookline local secrets: keep this file private");
        }
    }
}
