package io.hookline.cluster.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks every live log-service instance for the delivery log of the webhooks under test, over and over, and sorts the
 * answers: 200 is right; 503 with {@code Retry-After} is right only while a rebalance is allowed (from a fault until
 * the test declares the cluster settled); anything else (another status, no answer from a live instance, a 503
 * without {@code Retry-After}) is wrong. CONTRACT.md section 6: any instance answers any query.
 */
final class LogQueryProbe implements AutoCloseable {

    private static final Duration INTERVAL = Duration.ofMillis(250);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One answer that was not a 200. */
    record Answer(String instance, String query, int status, String retryAfter, String body, boolean rebalancing) {
    }

    private final String token;
    private final Map<String, String> liveInstances = new ConcurrentHashMap<>();
    private final Set<String> webhookIds = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> okPerInstance = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> okInARow = new ConcurrentHashMap<>();
    private final List<Answer> unavailable = new ArrayList<>();
    private final List<Answer> wrong = new ArrayList<>();
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean rebalanceAllowed;

    LogQueryProbe(String token, Map<String, String> instanceUrls) {
        this.token = token;
        liveInstances.putAll(instanceUrls);
        schedule.scheduleWithFixedDelay(this::askAll, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    void watch(String webhookId) {
        webhookIds.add(webhookId);
    }

    /** A killed instance is no longer asked. */
    void forget(String instance) {
        liveInstances.remove(instance);
    }

    /** From a fault on: a 503 with Retry-After is what a client gets while partitions move. */
    void allowRebalance() {
        rebalanceAllowed = true;
    }

    /** From now on only 200 is right. */
    void settled() {
        rebalanceAllowed = false;
    }

    int ok(String instance) {
        AtomicInteger count = okPerInstance.get(instance);
        return count == null ? 0 : count.get();
    }

    /** 200s from this instance since its last other answer. */
    int okInARow(String instance) {
        AtomicInteger count = okInARow.get(instance);
        return count == null ? 0 : count.get();
    }

    Set<String> liveInstances() {
        return Set.copyOf(liveInstances.keySet());
    }

    synchronized List<Answer> unavailable() {
        return List.copyOf(unavailable);
    }

    synchronized List<Answer> wrong() {
        return List.copyOf(wrong);
    }

    private void askAll() {
        for (String webhookId : webhookIds) {
            liveInstances.forEach((instance, url) -> ask(instance, url + "/api/v1/webhooks/" + webhookId
                    + "/responses?page_size=1"));
        }
    }

    private void ask(String instance, String query) {
        boolean rebalancing = rebalanceAllowed;
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(query))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                okPerInstance.computeIfAbsent(instance, ignored -> new AtomicInteger()).incrementAndGet();
                okInARow.computeIfAbsent(instance, ignored -> new AtomicInteger()).incrementAndGet();
                return;
            }
            okInARow.computeIfAbsent(instance, ignored -> new AtomicInteger()).set(0);
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            Answer answer = new Answer(instance, query, response.statusCode(), retryAfter,
                    abbreviate(response.body()), rebalancing);
            record(answer, response.statusCode() == 503 && retryAfter != null && rebalancing);
        } catch (IOException e) {
            okInARow.computeIfAbsent(instance, ignored -> new AtomicInteger()).set(0);
            if (liveInstances.containsKey(instance)) {
                record(new Answer(instance, query, 0, null, e.toString(), rebalancing), false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void record(Answer answer, boolean allowed) {
        (allowed ? unavailable : wrong).add(answer);
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
