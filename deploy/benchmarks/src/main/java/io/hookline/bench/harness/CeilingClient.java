package io.hookline.bench.harness;

import io.hookline.contracts.delivery.DeliveryJob;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Scenario 1, the ceiling: the same jobs sent straight from memory to the receivers with the dispatcher's HTTP client
 * configuration (dispatcher-service {@code HttpClientFactory}: one pooled async Apache HttpClient 5, keep-alive
 * HTTP/1.1, pool of {@code max-in-flight} = 2000, no redirects, retries, cookies or auth caching, 31 s socket timeout,
 * 5 min connection TTL, idle connections evicted after 30 s) and the dispatcher's default concurrency of 10 requests
 * in flight per endpoint. No Kafka, no signing: what HTTP alone costs and allows on this machine.
 */
final class CeilingClient {

    static final int PER_ENDPOINT = 10;
    static final int MAX_IN_FLIGHT = 2000;
    private static final Timeout LONGEST_TIMEOUT = Timeout.ofSeconds(31);
    private static final int TRIES = 3;

    private CeilingClient() {
    }

    static CloseableHttpAsyncClient dispatcherLikeClient() {
        var connectionManager = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_IN_FLIGHT)
                .setMaxConnPerRoute(MAX_IN_FLIGHT)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(LONGEST_TIMEOUT)
                        .setSocketTimeout(LONGEST_TIMEOUT)
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(connectionManager)
                .setIOReactorConfig(IOReactorConfig.custom().setSoTimeout(LONGEST_TIMEOUT).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        client.start();
        return client;
    }

    /** Result of one run: requests that got an answer, and those that failed every try. */
    record Outcome(long answered, long failed, boolean complete) {
    }

    /** Sends every job, at most {@link #PER_ENDPOINT} at once per endpoint; waits at most {@code timeoutSeconds}. */
    static Outcome sendAll(List<DeliveryJob> jobs, long timeoutSeconds) throws InterruptedException {
        Map<String, Deque<DeliveryJob>> byEndpoint = new LinkedHashMap<>();
        for (DeliveryJob job : jobs) {
            byEndpoint.computeIfAbsent(job.webhookId() + ' ' + job.url(), k -> new ArrayDeque<>()).add(job);
        }
        CountDownLatch done = new CountDownLatch(jobs.size());
        AtomicLong answered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CloseableHttpAsyncClient client = dispatcherLikeClient();
        try {
            for (Deque<DeliveryJob> queue : byEndpoint.values()) {
                for (int i = 0; i < PER_ENDPOINT; i++) {
                    DeliveryJob job;
                    synchronized (queue) {
                        job = queue.poll();
                    }
                    if (job == null) {
                        break;
                    }
                    send(client, queue, job, 1, done, answered, failed);
                }
            }
            boolean complete = done.await(timeoutSeconds, TimeUnit.SECONDS);
            return new Outcome(answered.get(), failed.get(), complete);
        } finally {
            client.close(CloseMode.IMMEDIATE);
        }
    }

    private static void send(CloseableHttpAsyncClient client, Deque<DeliveryJob> queue, DeliveryJob job, int attempt,
                             CountDownLatch done, AtomicLong answered, AtomicLong failed) {
        BasicHttpRequest request = new BasicHttpRequest(job.method(), URI.create(job.url()));
        request.addHeader("Content-Type", "application/json");
        request.addHeader("User-Agent", "Hookline-benchmark-ceiling");
        job.headers().forEach(request::addHeader);
        request.addHeader("webhook-id", job.deliveryId());
        request.addHeader("webhook-timestamp", Long.toString(Instant.now().getEpochSecond()));
        var entity = new BasicAsyncEntityProducer(job.body().getBytes(StandardCharsets.UTF_8), null);
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(job.timeoutMs()))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(job.timeoutMs()))
                .setRedirectsEnabled(false).build());
        client.execute(new BasicRequestProducer(request, entity),
                new BasicResponseConsumer<>(new DiscardingEntityConsumer<>()), null, context,
                new FutureCallback<org.apache.hc.core5.http.Message<HttpResponse, Void>>() {
                    @Override
                    public void completed(org.apache.hc.core5.http.Message<HttpResponse, Void> result) {
                        answered.incrementAndGet();
                        next();
                    }

                    @Override
                    public void failed(Exception error) {
                        // A pooled connection the server had just closed: send again on a fresh one.
                        if (attempt < TRIES) {
                            send(client, queue, job, attempt + 1, done, answered, failed);
                            return;
                        }
                        failed.incrementAndGet();
                        next();
                    }

                    @Override
                    public void cancelled() {
                        failed(new IllegalStateException("cancelled"));
                    }

                    private void next() {
                        done.countDown();
                        DeliveryJob following;
                        synchronized (queue) {
                            following = queue.poll();
                        }
                        if (following != null) {
                            send(client, queue, following, 1, done, answered, failed);
                        }
                    }
                });
    }
}
