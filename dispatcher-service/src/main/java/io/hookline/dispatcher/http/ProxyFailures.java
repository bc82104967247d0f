package io.hookline.dispatcher.http;

import io.hookline.dispatcher.ssrf.SsrfBlockedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.HttpStatus;

/** Tells the proxy's failures from the target's when every request goes through {@link EgressProxy}. */
final class ProxyFailures {

    private ProxyFailures() {
    }

    /**
     * A 407 comes from the proxy (a tunnel it refused is handed on as its response): its credentials are missing or
     * wrong, which no receiver should be blamed for.
     */
    static boolean refusedByProxy(CappedResponse response) {
        return response.statusCode() == HttpStatus.SC_PROXY_AUTHENTICATION_REQUIRED;
    }

    static String refusal(EgressProxy proxy, CappedResponse response) {
        return "proxy " + proxy.host().toHostString() + " refused the request: HTTP " + response.statusCode()
                + " (are the credentials of hookline.dispatcher.proxy right?)";
    }

    /** Through a proxy the client connects to nothing else, so any failure to connect is the proxy's. */
    static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof ConnectTimeoutException) {
                return true;
            }
            if (cause instanceof SsrfBlockedException) {
                return false;
            }
        }
        return false;
    }

    static String unreachable(EgressProxy proxy, Throwable failure) {
        return "proxy " + proxy.host().toHostString() + " unreachable: " + FailureClassifier.describe(failure);
    }

    /** The host of an authority {@link URI} could not parse as a server name (e.g. {@code 127.1}), or null. */
    static String authorityHost(URI uri) {
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return null;
        }
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        if (hostAndPort.startsWith("[")) {
            int end = hostAndPort.indexOf(']');
            return end < 0 ? null : hostAndPort.substring(0, end + 1);
        }
        int colon = hostAndPort.lastIndexOf(':');
        String host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
        return host.isEmpty() ? null : host;
    }
}
