package io.hookline.service.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * API authentication ({@code hookline.auth.*}).
 *
 * @param enabled    whether this service serves the token-protected API
 * @param adminToken the bootstrap admin token (tenant {@code default}, every scope), from HOOKLINE_ADMIN_TOKEN
 */
@ConfigurationProperties("hookline.auth")
public record AuthSettings(boolean enabled, @Nullable String adminToken) {
}
