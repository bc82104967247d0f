package io.hookline.config.secrets;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Encryption of webhook secrets ({@code hookline.secrets.*}).
 *
 * @param key base64 of a 256-bit AES key ({@code HOOKLINE_SECRETS_KEY}); the service refuses to start without it
 */
@ConfigurationProperties("hookline.secrets")
public record SecretsSettings(@Nullable String key) {

    @Override
    public String toString() {
        return "SecretsSettings[key=" + (key == null || key.isBlank() ? "unset" : "set") + "]";
    }
}
