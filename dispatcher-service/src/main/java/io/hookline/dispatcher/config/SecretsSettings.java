package io.hookline.dispatcher.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** {@code hookline.secrets.key} (env {@code HOOKLINE_SECRETS_KEY}): the AES key config-service encrypts secrets with. */
@ConfigurationProperties("hookline.secrets")
public record SecretsSettings(@Nullable String key) {
}
