package io.hookline.dispatcher.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/**
 * Extra trust for HTTPS endpoints ({@code hookline.dispatcher.tls.*}), e.g. internal receivers whose certificates
 * come from a company CA. The certificates of the store are trusted besides the JVM's default trust store, not
 * instead of it.
 *
 * @param trustStore         path of a key store whose certificates are trusted too; none by default
 * @param trustStorePassword its password, if it has one
 * @param trustStoreType     its type, {@code PKCS12} or {@code JKS}
 */
@ConfigurationProperties("hookline.dispatcher.tls")
public record TlsSettings(
        @Nullable String trustStore,
        @Nullable String trustStorePassword,
        @NotBlank @Bindable(defaultValue = "PKCS12") String trustStoreType) {

    public boolean hasTrustStore() {
        return trustStore != null && !trustStore.isBlank();
    }
}
