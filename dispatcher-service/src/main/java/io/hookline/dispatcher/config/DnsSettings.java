package io.hookline.dispatcher.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Name resolution of endpoint hosts ({@code hookline.dispatcher.dns.*}).
 *
 * @param timeout  how long a delivery waits for a host's addresses; past it the attempt fails with
 *                 {@code dns_timeout} and is retried like a connection error
 * @param threads  lookup threads, apart from the sending threads; lookups of one host share one thread
 * @param cacheTtl how long a host's checked addresses are reused; a lookup that times out afterwards falls back to
 *                 them (serve-stale, as resolvers do under RFC 8767)
 */
@ConfigurationProperties("hookline.dispatcher.dns")
public record DnsSettings(
        @Bindable(defaultValue = "2s") Duration timeout,
        @Min(1) @Bindable(defaultValue = "16") int threads,
        @Bindable(defaultValue = "30s") Duration cacheTtl) {
}
