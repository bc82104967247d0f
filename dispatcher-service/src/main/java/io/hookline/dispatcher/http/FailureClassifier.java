package io.hookline.dispatcher.http;

import io.hookline.dispatcher.dns.DnsTimeoutException;
import io.hookline.dispatcher.ssrf.SsrfBlockedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.apache.hc.core5.http.ConnectionClosedException;

/** Names the cause of a failed request with one of the error classes the delivery log shows. */
public final class FailureClassifier {

    public static final String TIMEOUT = "timeout";
    public static final String CONNECTION_REFUSED = "connection_refused";
    public static final String CONNECTION_RESET = "connection_reset";
    public static final String TLS = "tls";
    public static final String DNS = "dns";
    public static final String DNS_TIMEOUT = "dns_timeout";
    public static final String SSRF_BLOCKED = "ssrf_blocked";
    public static final String CONNECTION = "connection";
    public static final String PROTOCOL = "protocol";
    /** The egress proxy could not be reached or refused the request (e.g. 407: its credentials are wrong). */
    public static final String PROXY = "proxy";

    private FailureClassifier() {
    }

    public static String classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String found = classifyOne(cause);
            if (found != null) {
                return found;
            }
        }
        return CONNECTION;
    }

    private static String classifyOne(Throwable cause) {
        if (cause instanceof SsrfBlockedException) {
            return SSRF_BLOCKED;
        }
        if (cause instanceof DnsTimeoutException) {
            return DNS_TIMEOUT;
        }
        if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException
                || cause instanceof CancellationException
                || cause instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
            return TIMEOUT;
        }
        if (cause instanceof UnknownHostException) {
            return DNS;
        }
        if (cause instanceof SSLException) {
            return TLS;
        }
        if (cause instanceof ConnectionClosedException) {
            return CONNECTION_RESET;
        }
        if (cause instanceof org.apache.hc.core5.http.ProtocolException
                || cause instanceof org.apache.hc.core5.http.MalformedChunkCodingException) {
            return PROTOCOL;
        }
        String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
        if (cause instanceof ConnectException || message.contains("connection refused")) {
            return CONNECTION_REFUSED;
        }
        if (cause instanceof NoRouteToHostException) {
            return CONNECTION;
        }
        if (message.contains("reset") || message.contains("broken pipe")
                || (cause instanceof SocketException && message.contains("closed"))) {
            return CONNECTION_RESET;
        }
        return null;
    }

    /** A one-line description without secrets: the exception type and its message. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
