package io.hookline.dispatcher.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;

/**
 * The HTTP proxy every request goes through ({@code hookline.dispatcher.proxy}): HTTPS targets through a CONNECT
 * tunnel, plain HTTP targets as absolute-form requests. The target is handed to the proxy by name (see the README's
 * Egress section). Its credentials, if any, go out as {@code Proxy-Authorization: Basic} and never into a log line:
 * {@link #toString()} masks them.
 *
 * @param host        the proxy itself; never carries the credentials
 * @param credentials the user and password of the URL, or null
 */
public record EgressProxy(HttpHost host, UsernamePasswordCredentials credentials) {

    private static final int DEFAULT_PORT = 3128;

    /** The proxy of a {@code http://[user:password@]host[:port]} URL. */
    public static EgressProxy parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            // The message would quote the URL, credentials included.
            throw new IllegalArgumentException("hookline.dispatcher.proxy is not a URL");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("hookline.dispatcher.proxy must be http://[user:password@]host[:port]");
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        return new EgressProxy(new HttpHost("http", uri.getHost(), port), credentials(uri.getRawUserInfo()));
    }

    private static UsernamePasswordCredentials credentials(String rawUserInfo) {
        if (rawUserInfo == null || rawUserInfo.isEmpty()) {
            return null;
        }
        int colon = rawUserInfo.indexOf(':');
        String user = colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon);
        String password = colon < 0 ? "" : rawUserInfo.substring(colon + 1);
        return new UsernamePasswordCredentials(decoded(user), decoded(password).toCharArray());
    }

    private static String decoded(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Answers to a 407 challenge; the preemptive header comes from {@link #authenticate}. */
    BasicCredentialsProvider credentialsProvider() {
        BasicCredentialsProvider provider = new BasicCredentialsProvider();
        if (credentials != null) {
            provider.setCredentials(new AuthScope(host), credentials);
        }
        return provider;
    }

    /** Sends the credentials with the first CONNECT or request, not only after a 407: one round trip less. */
    void authenticate(HttpClientContext context) {
        if (credentials != null) {
            BasicScheme basic = new BasicScheme();
            basic.initPreemptive(credentials);
            context.resetAuthExchange(host, basic);
        }
    }

    /**
     * The targets' resolver, except for the proxy's own name, which is the operator's and may well be private: it is
     * resolved by the system, unchecked. With a proxy the client resolves no target itself; the targets are checked
     * before the request starts ({@link HttpSender}).
     */
    DnsResolver resolvingItselfDirectly(DnsResolver targets) {
        String proxyName = host.getHostName().toLowerCase(Locale.ROOT);
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String name) throws UnknownHostException {
                return proxyName.equals(name.toLowerCase(Locale.ROOT))
                        ? SystemDefaultDnsResolver.INSTANCE.resolve(name)
                        : targets.resolve(name);
            }

            @Override
            public String resolveCanonicalHostname(String name) throws UnknownHostException {
                return targets.resolveCanonicalHostname(name);
            }
        };
    }

    @Override
    public String toString() {
        return host.toURI() + (credentials == null ? "" : " (credentials masked)");
    }
}
