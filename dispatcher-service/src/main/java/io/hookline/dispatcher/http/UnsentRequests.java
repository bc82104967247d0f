package io.hookline.dispatcher.http;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.RequestNotExecutedException;

/**
 * Tells a request that provably never left from one that may have reached the endpoint. Only the first may go out
 * again on its own: a POST that reached the endpoint may have been processed, and a second copy is the endpoint's
 * business (it has the retry schedule and the webhook-id to drop duplicates), not a silent extra.
 */
final class UnsentRequests {

    private static final String WRITTEN = "hookline.request-written";

    /**
     * HttpClient runs its request interceptors on the connection, just before it writes the request head; until this
     * one has run for an exchange, no byte of its request was written.
     */
    static final HttpRequestInterceptor MARK_WRITTEN = (request, entity, context) -> {
        if (context.getAttribute(WRITTEN) instanceof AtomicBoolean written) {
            written.set(true);
        }
    };

    private UnsentRequests() {
    }

    /** Starts watching the exchange that will run with {@code context}. */
    static AtomicBoolean watch(HttpClientContext context) {
        AtomicBoolean written = new AtomicBoolean();
        context.setAttribute(WRITTEN, written);
        return written;
    }

    /**
     * @param written whether the request head was being written when the exchange failed
     * @return the failure came from a connection that was closed or reset before the request was written (a pooled
     *         connection the endpoint had closed), so the request can go out again
     */
    static boolean neverWritten(Throwable failure, boolean written) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // HttpCore's own word: queued on a connection that closed first, or an HTTP/2 stream refused by GOAWAY.
            if (cause instanceof RequestNotExecutedException) {
                return true;
            }
        }
        if (written) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SSLException) {
                return false;
            }
            if (cause instanceof ConnectionClosedException || isReset(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isReset(Throwable cause) {
        if (!(cause instanceof SocketException) || cause.getMessage() == null) {
            return false;
        }
        String message = cause.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("reset") || message.contains("broken pipe") || message.contains("closed");
    }
}
