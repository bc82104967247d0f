package io.hookline.cluster.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hookline.contracts.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP endpoint that answers every request 200 and counts requests per delivery: a delivery is the
 * request path (one per webhook) and the CloudEvent id in the body; its {@code webhook-id} header (the delivery id,
 * CONTRACT.md section 7) is remembered so a delivery that came with two different ids shows up.
 */
final class CountingReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(48);
    private final Map<Delivery, AtomicInteger> requestsPerDelivery = new ConcurrentHashMap<>();
    private final Map<Delivery, Set<String>> webhookIds = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();

    /** One event at one endpoint. */
    record Delivery(String path, String eventId) {
    }

    CountingReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            requests.incrementAndGet();
            String eventId = eventId(body.readAllBytes());
            if (eventId == null) {
                unreadable.incrementAndGet();
            } else {
                Delivery delivery = new Delivery(exchange.getRequestURI().getPath(), eventId);
                requestsPerDelivery.computeIfAbsent(delivery, ignored -> new AtomicInteger()).incrementAndGet();
                String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
                webhookIds.computeIfAbsent(delivery, ignored -> ConcurrentHashMap.newKeySet())
                        .add(String.valueOf(webhookId));
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static String eventId(byte[] body) {
        try {
            JsonNode event = Json.MAPPER.readTree(body);
            return event == null || !event.hasNonNull("id") ? null : event.get("id").asText();
        } catch (IOException e) {
            return null;
        }
    }

    /** Deliveries received at least once, for the given path. */
    long delivered(String path) {
        return requestsPerDelivery.keySet().stream().filter(delivery -> delivery.path().equals(path)).count();
    }

    /** Requests per delivery, a copy. */
    Map<Delivery, Integer> requestsPerDelivery() {
        Map<Delivery, Integer> copy = new HashMap<>();
        requestsPerDelivery.forEach((delivery, count) -> copy.put(delivery, count.get()));
        return copy;
    }

    /** Deliveries whose requests carried more than one {@code webhook-id}. */
    Map<Delivery, Set<String>> webhookIdMismatches() {
        Map<Delivery, Set<String>> mismatches = new HashMap<>();
        webhookIds.forEach((delivery, ids) -> {
            if (ids.size() != 1) {
                mismatches.put(delivery, Set.copyOf(ids));
            }
        });
        return mismatches;
    }

    long requests() {
        return requests.get();
    }

    long unreadable() {
        return unreadable.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
