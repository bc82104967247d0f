package io.hookline.dispatcher.http;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.HttpResponseInterceptor;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http.protocol.HttpCoreContext;

/**
 * Tells a request that the endpoint never processed from one it may have processed. Only the first may go out again
 * on its own:
 * <ul>
 *   <li>HttpCore says it was not executed, or the connection closed or reset before any byte of it was written;</li>
 *   <li>or it was written on a kept-alive connection that had already carried a request, and that connection closed
 *   or reset before any byte of an answer: the endpoint closed an idle connection as the request arrived (the race
 *   every keep-alive client meets). Like Go's HTTP client for requests with an idempotency key, this one is sent
 *   again: every delivery carries its {@code webhook-id}, so a copy the endpoint did see is dropped as a duplicate.</li>
 * </ul>
 * Anything else (a fresh connection that failed, a timeout, an answer cut short) is an attempt: the endpoint's
 * business, with the retry schedule.
 */
final class UnsentRequests {

    private static final String PROGRESS = "hookline.exchange-progress";

    /** How far one exchange got; written on the I/O thread, read in the failure callback. */
    static final class Progress {
        private volatile boolean written;
        private volatile boolean reusedConnection;
        private volatile boolean answered;

        boolean written() {
            return written;
        }

        boolean reusedConnection() {
            return reusedConnection;
        }
    }

    /**
     * HttpClient runs its request interceptors on the connection, just before it writes the request head; until this
     * one has run for an exchange, no byte of its request was written.
     */
    static final HttpRequestInterceptor MARK_WRITTEN = (request, entity, context) -> {
        if (context.getAttribute(PROGRESS) instanceof Progress progress) {
            EndpointDetails connection = HttpCoreContext.cast(context).getEndpointDetails();
            // Counts the requests this connection carried before this one (its response count stays 0 in HttpCore's
            // async HTTP/1.1 connections).
            progress.reusedConnection = connection != null && connection.getRequestCount() > 0;
            progress.written = true;
        }
    };

    /** Response interceptors run once the head of an answer has arrived. */
    static final HttpResponseInterceptor MARK_ANSWERED = (response, entity, context) -> {
        if (context.getAttribute(PROGRESS) instanceof Progress progress) {
            progress.answered = true;
        }
    };

    private UnsentRequests() {
    }

    /** Starts watching the exchange that will run with {@code context}. */
    static Progress watch(HttpClientContext context) {
        Progress progress = new Progress();
        context.setAttribute(PROGRESS, progress);
        return progress;
    }

    /** Whether the exchange that failed with {@code failure} may go out again at once, as no attempt. */
    static boolean mayResend(Throwable failure, Progress progress) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // HttpCore's own word: queued on a connection that closed first, or an HTTP/2 stream refused by GOAWAY.
            if (cause instanceof RequestNotExecutedException) {
                return true;
            }
        }
        if (progress.written && !(progress.reusedConnection && !progress.answered)) {
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
