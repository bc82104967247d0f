package io.hookline.dispatcher.http;

import io.hookline.dispatcher.config.ConnectionSettings;
import io.hookline.dispatcher.config.DispatcherSettings;
import io.hookline.dispatcher.config.TlsSettings;
import io.hookline.dispatcher.dns.BoundedResolver;
import io.hookline.dispatcher.endpoint.SendThreads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.DisabledBeanException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.reactor.IOSessionListener;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one pooled async HTTP client of the dispatcher: keep-alive HTTP/1.1, HTTP/2 where a TLS endpoint offers it,
 * connections idle for a while checked before reuse, no redirects, no automatic retries (a request that never left is
 * sent again by {@link HttpSender}), no cookies, name resolution through the SSRF guard off the sending threads
 * ({@link BoundedResolver}), and certificates checked against the JVM's trust store plus the configured extra one,
 * with hostname verification; through the configured proxy, if any ({@link EgressProxy}).
 */
@Factory
public class HttpClientFactory {

    private static final Logger LOG = LoggerFactory.getLogger(HttpClientFactory.class);
    private static final Timeout LONGEST_TIMEOUT = Timeout.ofSeconds(31);

    @Singleton
    // Now, not gracefully: timeouts and retries still scheduled must not fire into a closed producer.
    @Bean(preDestroy = "shutdownNow")
    @Named("dispatcher-timer")
    ScheduledExecutorService timer() {
        return Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = new Thread(runnable, "dispatcher-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    // Eager and first of the eager beans: an unreadable trust store stops the start before any Kafka client is opened.
    @Context
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @Named("dispatcher-tls")
    SSLContext tlsContext(TlsSettings tls) {
        return TrustAnchors.sslContext(tls);
    }

    /** The configured proxy; no bean (direct connections) when {@code hookline.dispatcher.proxy} is empty. */
    @Singleton
    EgressProxy egressProxy(@Nullable @Value("${hookline.dispatcher.proxy:}") String url) {
        if (url == null || url.isBlank()) {
            throw new DisabledBeanException("no hookline.dispatcher.proxy: requests go out directly");
        }
        EgressProxy proxy = EgressProxy.parse(url);
        LOG.info("Every request goes through the proxy {}", proxy);
        return proxy;
    }

    @Singleton
    @Bean(preDestroy = "close")
    CloseableHttpAsyncClient httpClient(BoundedResolver dns, DispatcherSettings settings,
                                        ConnectionSettings connectionSettings,
                                        @Named("dispatcher-tls") SSLContext tlsContext,
                                        @Nullable IOSessionListener sessionListener, @Nullable EgressProxy proxy) {
        int connections = Math.max(settings.maxInFlight(), settings.maxInFlightPerEndpoint());
        return start(dns.forHttpClient(), connections, connectionSettings, tlsContext, sessionListener, proxy);
    }

    static CloseableHttpAsyncClient start(DnsResolver dns, int connections, ConnectionSettings settings,
                                          SSLContext tlsContext, IOSessionListener sessionListener) {
        return start(dns, connections, settings, tlsContext, sessionListener, null);
    }

    /**
     * Builds and starts the client.
     *
     * @param sessionListener sees the client's I/O events (tests hold a connection's close with it); may be null
     * @param proxy           the proxy every request goes through, or null to connect directly
     */
    static CloseableHttpAsyncClient start(DnsResolver dns, int connections, ConnectionSettings settings,
                                          SSLContext tlsContext, IOSessionListener sessionListener,
                                          EgressProxy proxy) {
        var connectionManager = PoolingAsyncClientConnectionManagerBuilder.create()
                .setDnsResolver(proxy == null ? dns : proxy.resolvingItselfDirectly(dns))
                .setMaxConnTotal(connections)
                // Per-endpoint concurrency is bounded by the dispatcher itself; the pool must not add a second,
                // per-host limit that lets one webhook's backlog block another webhook on the same host.
                .setMaxConnPerRoute(connections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(LONGEST_TIMEOUT)
                        .setSocketTimeout(LONGEST_TIMEOUT)
                        // No round trip per request: only a connection idle this long is checked (HTTP/1.1: replaced).
                        .setValidateAfterInactivity(TimeValue.of(settings.validateAfterInactivity()))
                        .setTimeToLive(TimeValue.of(settings.timeToLive()))
                        .build())
                .setTlsStrategy(tlsStrategy(tlsContext))
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.NEGOTIATE).build())
                .build();
        var builder = HttpAsyncClients.custom();
        if (proxy != null) {
            builder.setProxy(proxy.host()).setDefaultCredentialsProvider(proxy.credentialsProvider());
        }
        CloseableHttpAsyncClient client = builder
                .setConnectionManager(connectionManager)
                .setIOReactorConfig(IOReactorConfig.custom().setSoTimeout(LONGEST_TIMEOUT).build())
                .setIOSessionListener(sessionListener)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                // One background thread for the whole pool, not one per request.
                .evictIdleConnections(TimeValue.of(settings.idleTimeout()))
                .evictExpiredConnections()
                .addRequestInterceptorLast(UnsentRequests.MARK_WRITTEN)
                .addResponseInterceptorFirst(UnsentRequests.MARK_ANSWERED)
                .build();
        client.start();
        return client;
    }

    private static TlsStrategy tlsStrategy(SSLContext tlsContext) {
        return ClientTlsStrategyBuilder.create()
                .setSslContext(tlsContext)
                // Not the builder's default (BUILTIN alone): httpclient5 5.5's async TLS strategy sets the JSSE
                // endpoint identification after handing the SSL parameters to the engine, so BUILTIN checks no host
                // name at all. BOTH adds HttpClient's own check after the handshake, which does refuse a mismatch.
                .setHostVerificationPolicy(HostnameVerificationPolicy.BOTH)
                .buildAsync();
    }

    @Singleton
    HttpSender httpSender(CloseableHttpAsyncClient client, @Named("dispatcher-timer") ScheduledExecutorService timer,
                          BoundedResolver dns, @Named(SendThreads.NAME) ExecutorService sendExecutor,
                          ConnectionSettings connections, MeterRegistry registry, @Nullable EgressProxy proxy) {
        Counter resends = Counter.builder("hookline.dispatcher.requests.resent")
                .description("Requests sent again at once because their pooled connection had been closed before "
                        + "they were written (no attempt)")
                .register(registry);
        return new HttpSender(client, timer, dns, sendExecutor, connections.unsentResends(), resends::increment,
                proxy);
    }
}
