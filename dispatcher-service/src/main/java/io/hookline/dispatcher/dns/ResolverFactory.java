package io.hookline.dispatcher.dns;

import io.hookline.dispatcher.config.DnsSettings;
import io.hookline.dispatcher.config.HooklineSettings;
import io.hookline.dispatcher.config.SsrfSettings;
import io.hookline.dispatcher.ssrf.SsrfGuard;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How endpoint hosts are resolved: the system's lookup, checked by the SSRF guard, bounded in time and threads. */
@Factory
public class ResolverFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ResolverFactory.class);

    /**
     * @param lookup the name lookup; none in production (the system's), tests bring one that hangs for some hosts
     */
    @Singleton
    SsrfGuard ssrfGuard(SsrfSettings ssrf, HooklineSettings hookline, @Nullable DnsResolver lookup) {
        boolean enabled = ssrf.enabled() && !hookline.localMode();
        if (!enabled) {
            LOG.warn("SSRF guard is off (local mode or hookline.dispatcher.ssrf.enabled=false): "
                    + "webhooks may reach loopback and private addresses");
        }
        DnsResolver names = lookup == null ? SystemDefaultDnsResolver.INSTANCE : lookup;
        return SsrfGuard.fromAllowList(names::resolve, ssrf.allow(), enabled);
    }

    @Singleton
    @Bean(preDestroy = "close")
    BoundedResolver boundedResolver(SsrfGuard guard, DnsSettings settings,
                                    @Named("dispatcher-timer") ScheduledExecutorService timer) {
        return new BoundedResolver(guard::resolve, settings, timer);
    }
}
