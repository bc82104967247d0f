package io.hookline.config.secrets;

import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.service.secrets.SecretsSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one cipher of the service, built at start so that a missing or bad key stops the service at once. */
@Factory
public final class SecretCipherFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SecretCipherFactory.class);

    @Context
    SecretCipher secretCipher(SecretsSettings settings) {
        SecretCipher cipher;
        try {
            cipher = settings.cipher();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("config-service cannot start: " + e.getMessage()
                    + " (set HOOKLINE_SECRETS_KEY to the output of `openssl rand -base64 32`)", e);
        }
        LOG.info("Secrets are encrypted with key {}; keys that decrypt: {}", cipher.primaryKeyId(), cipher.keyIds());
        return cipher;
    }
}
