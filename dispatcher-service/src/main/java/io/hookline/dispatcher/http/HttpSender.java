package io.hookline.dispatcher.http;

import io.hookline.dispatcher.config.ConnectionSettings;
import io.hookline.dispatcher.dns.BoundedResolver;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one request on the shared pooled client and never throws: every failure becomes a classified
 * {@link HttpOutcome}. The job's timeout bounds the whole exchange (name resolution, connect, send, wait, read), not
 * only each read; the host is resolved before the request starts, off the calling thread ({@link BoundedResolver}). A
 * request the endpoint never processed (its pooled connection turned out to be closed by the endpoint, see
 * {@link UnsentRequests}) goes out again at once, up to {@code unsentResends} times, within the same outcome: it was no
 * attempt.
 */
public final class HttpSender {

    public static final int BODY_CAP = 64 * 1024;
    /** Tries of one request at most, re-sends included, whatever the pool holds. */
    private static final int MAX_TRIES = 16;

    private final CloseableHttpAsyncClient client;
    private final ScheduledExecutorService timer;
    private final BoundedResolver dns;
    private final Executor sendExecutor;
    private final int unsentResends;
    private final Runnable onResend;
    private final EgressProxy proxy;

    public HttpSender(CloseableHttpAsyncClient client, ScheduledExecutorService timer, BoundedResolver dns,
                      Executor sendExecutor) {
        this(client, timer, dns, sendExecutor, ConnectionSettings.DEFAULTS.unsentResends(), () -> { }, null);
    }

    /**
     * @param dns          must be the resolver the client was built with, so that the client connects to the addresses
     *                     resolved and checked before the request starts
     * @param sendExecutor where a request starts once its host's addresses came from a lookup thread
     * @param proxy        the proxy the client was built with, or null
     */
    public HttpSender(CloseableHttpAsyncClient client, ScheduledExecutorService timer, BoundedResolver dns,
                      Executor sendExecutor, int unsentResends, Runnable onResend, EgressProxy proxy) {
        this.client = client;
        this.timer = timer;
        this.dns = dns;
        this.sendExecutor = sendExecutor;
        this.unsentResends = unsentResends;
        this.onResend = onResend;
        this.proxy = proxy;
    }

    public CompletableFuture<HttpOutcome> send(OutgoingRequest request) {
        Exchange exchange = new Exchange(request, System.nanoTime());
        exchange.start();
        return exchange.result;
    }

    /** One request until its outcome: the first try and the re-sends of tries that never left. */
    private final class Exchange {

        private final OutgoingRequest request;
        private final long started;
        private final CompletableFuture<HttpOutcome> result = new CompletableFuture<>();
        private int tries;
        private int freshTries;
        private Future<CappedResponse> running;
        private volatile boolean hostResolved;

        Exchange(OutgoingRequest request, long started) {
            this.request = request;
            this.started = started;
        }

        void start() {
            var deadline = timer.schedule(() -> {
                if (result.complete(timedOut())) {
                    cancelRunning();
                }
            }, request.timeoutMs(), TimeUnit.MILLISECONDS);
            result.whenComplete((outcome, error) -> deadline.cancel(false));
            // Resolved first, off this thread: the client would otherwise resolve inside execute(), on the caller.
            CompletableFuture<?> addresses = resolve(request.url());
            if (addresses.isDone()) {
                addresses.whenComplete((found, error) -> afterResolution(error));
            } else {
                addresses.whenCompleteAsync((found, error) -> afterResolution(error), sendExecutor);
            }
        }

        /** A request whose time ran out before its host's addresses came in had a DNS problem, not a slow endpoint. */
        private HttpOutcome timedOut() {
            return hostResolved
                    ? HttpOutcome.failure(FailureClassifier.TIMEOUT,
                            "no complete response within " + request.timeoutMs() + " ms", elapsedMs(started))
                    : HttpOutcome.failure(FailureClassifier.DNS_TIMEOUT,
                            "no DNS answer within the request's " + request.timeoutMs() + " ms", elapsedMs(started));
        }

        private void afterResolution(Throwable error) {
            hostResolved = true;
            if (error != null) {
                result.complete(failure(error, started));
            } else if (!result.isDone()) {
                tryOnce();
            }
        }

        private void tryOnce() {
            int attempt;
            synchronized (this) {
                attempt = ++tries;
            }
            HttpClientContext context = context(request.timeoutMs());
            if (proxy != null) {
                proxy.authenticate(context);
            }
            UnsentRequests.Progress progress = UnsentRequests.watch(context);
            Future<CappedResponse> exchange;
            try {
                exchange = client.execute(producer(request), new CappedResponseConsumer(BODY_CAP), null, context,
                        callback(progress));
            } catch (RuntimeException e) {
                result.complete(failure(e, started));
                return;
            }
            synchronized (this) {
                // A callback that ran inside execute() may already have started the next try.
                if (attempt == tries) {
                    running = exchange;
                }
            }
            if (result.isDone()) {
                exchange.cancel(true);
            }
        }

        private synchronized void cancelRunning() {
            if (running != null) {
                running.cancel(true);
            }
        }

        private FutureCallback<CappedResponse> callback(UnsentRequests.Progress progress) {
            return new FutureCallback<>() {
                @Override
                public void completed(CappedResponse response) {
                    result.complete(proxy != null && ProxyFailures.refusedByProxy(response)
                            ? HttpOutcome.failure(FailureClassifier.PROXY, ProxyFailures.refusal(proxy, response),
                                    elapsedMs(started))
                            : HttpOutcome.response(response, elapsedMs(started)));
                }

                @Override
                public void failed(Exception error) {
                    if (!result.isDone() && resendable(progress) && UnsentRequests.mayResend(error, progress)) {
                        onResend.run();
                        tryOnce();
                    } else {
                        result.complete(failure(error, started));
                    }
                }

                @Override
                public void cancelled() {
                    result.complete(failure(new TimeoutException("request cancelled"), started));
                }
            };
        }

        /**
         * A try that failed on a reused pooled connection retires that connection, so those tries end by themselves
         * once the pool's stale connections are used up (an endpoint closing them all at once, after N requests each);
         * only tries on fresh connections count against {@code unsentResends}.
         */
        private synchronized boolean resendable(UnsentRequests.Progress failed) {
            if (!failed.reusedConnection()) {
                freshTries++;
            }
            return freshTries <= unsentResends && tries < MAX_TRIES;
        }
    }

    private CompletableFuture<?> resolve(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(null);
        }
        String host = uri.getHost();
        if (host == null && proxy != null) {
            // Through a proxy the client resolves no target, so a host the URI parser does not accept (e.g. "127.1")
            // must be checked here too: the proxy would resolve it without any check.
            host = ProxyFailures.authorityHost(uri);
        }
        // No host the URI parser accepts (e.g. "127.1"): the client resolves it itself, still bounded and checked.
        return host == null ? CompletableFuture.completedFuture(null) : dns.lookup(host);
    }

    private static BasicRequestProducer producer(OutgoingRequest request) {
        BasicHttpRequest message = new BasicHttpRequest(request.method(), URI.create(request.url()));
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            message.addHeader(header.getKey(), header.getValue());
        }
        // The Content-Type header is already on the message, so the entity carries none of its own.
        var entity = request.body() == null ? null
                : new BasicAsyncEntityProducer(request.body().getBytes(StandardCharsets.UTF_8), null);
        return new BasicRequestProducer(message, entity);
    }

    private static HttpClientContext context(int timeoutMs) {
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(timeoutMs))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(timeoutMs))
                .setRedirectsEnabled(false)
                .build());
        return context;
    }

    private HttpOutcome failure(Throwable error, long started) {
        if (proxy != null && ProxyFailures.unreachable(error)) {
            return HttpOutcome.failure(FailureClassifier.PROXY, ProxyFailures.unreachable(proxy, error),
                    elapsedMs(started));
        }
        return HttpOutcome.failure(FailureClassifier.classify(error), FailureClassifier.describe(error),
                elapsedMs(started));
    }

    private static long elapsedMs(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
