package io.hookline.config.secrets;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** Standard Webhooks signing secrets: {@code whsec_} followed by the base64 of the key bytes. */
public final class SigningSecrets {

    public static final String PREFIX = "whsec_";
    private static final int GENERATED_BYTES = 32;
    private static final int MIN_BYTES = 24;
    private static final int MAX_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SigningSecrets() {
    }

    public static String generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Why a client-chosen secret is unusable, or empty when it is fine. */
    public static Optional<String> problemWith(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.of("must start with \"" + PREFIX + "\"");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.of("must be \"" + PREFIX + "\" followed by base64: " + e.getMessage());
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            return Optional.of("must carry " + MIN_BYTES + " to " + MAX_BYTES + " key bytes, has " + key.length);
        }
        return Optional.empty();
    }
}
