package io.hookline.config.secrets;

import io.hookline.contracts.crypto.SecretCipher;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

/** The one cipher of the service, built at start so that a missing or bad key stops the service at once. */
@Factory
public final class SecretCipherFactory {

    @Context
    SecretCipher secretCipher(SecretsSettings settings) {
        try {
            return SecretCipher.fromBase64Key(settings.key());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("config-service cannot start: " + e.getMessage()
                    + " (set HOOKLINE_SECRETS_KEY to the output of `openssl rand -base64 32`)", e);
        }
    }
}
