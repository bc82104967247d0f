package io.hookline.dispatcher.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * The SSRF guard ({@code hookline.dispatcher.ssrf.*}). Local mode ({@code hookline.local-mode=true}) turns it off too.
 *
 * @param enabled refuse loopback, private, link-local, multicast, unspecified, CGNAT and other special-purpose targets,
 *                and the IPv6 forms that reach them ({@link io.hookline.dispatcher.ssrf.AddressPolicy})
 * @param allow   CIDR blocks ({@code 10.1.0.0/16}) or host names that are allowed anyway; an IPv4 address reached
 *                through an allow-listed IPv6 translation prefix must be allowed itself
 */
@ConfigurationProperties("hookline.dispatcher.ssrf")
public record SsrfSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Nullable List<String> allow) {

    public SsrfSettings {
        allow = allow == null ? List.of() : List.copyOf(allow);
    }
}
