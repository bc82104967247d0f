package io.hookline.dispatcher.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * {@link HttpOutcome}. The job's timeout bounds the whole exchange (connect, send, wait, read), not only each read.
 */
public final class HttpSender {

    public static final int BODY_CAP = 64 * 1024;

    private final CloseableHttpAsyncClient client;
    private final ScheduledExecutorService timer;

    public HttpSender(CloseableHttpAsyncClient client, ScheduledExecutorService timer) {
        this.client = client;
        this.timer = timer;
    }

    public CompletableFuture<HttpOutcome> send(OutgoingRequest request) {
        long started = System.nanoTime();
        CompletableFuture<HttpOutcome> result = new CompletableFuture<>();
        Future<CappedResponse> exchange;
        try {
            exchange = client.execute(producer(request), new CappedResponseConsumer(BODY_CAP), null,
                    context(request.timeoutMs()), callback(result, started));
        } catch (RuntimeException e) {
            result.complete(failure(e, started));
            return result;
        }
        var deadline = timer.schedule(() -> {
            if (result.complete(HttpOutcome.failure(FailureClassifier.TIMEOUT,
                    "no complete response within " + request.timeoutMs() + " ms", elapsedMs(started)))) {
                exchange.cancel(true);
            }
        }, request.timeoutMs(), TimeUnit.MILLISECONDS);
        result.whenComplete((outcome, error) -> deadline.cancel(false));
        return result;
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

    private static FutureCallback<CappedResponse> callback(CompletableFuture<HttpOutcome> result, long started) {
        return new FutureCallback<>() {
            @Override
            public void completed(CappedResponse response) {
                result.complete(HttpOutcome.response(response, elapsedMs(started)));
            }

            @Override
            public void failed(Exception error) {
                result.complete(failure(error, started));
            }

            @Override
            public void cancelled() {
                result.complete(failure(new TimeoutException("request cancelled"), started));
            }
        };
    }

    private static HttpOutcome failure(Throwable error, long started) {
        return HttpOutcome.failure(FailureClassifier.classify(error), FailureClassifier.describe(error),
                elapsedMs(started));
    }

    private static long elapsedMs(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
