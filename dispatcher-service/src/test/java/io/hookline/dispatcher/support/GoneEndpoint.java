package io.hookline.dispatcher.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A receiver on loopback that answers every request with 410 Gone. The first request first runs the action given to
 * {@link #onFirstRequest}: what an operator does then happens, for certain, after the dispatcher chose to send and
 * before it learns that the endpoint is gone.
 */
public final class GoneEndpoint implements AutoCloseable {

    private static final Runnable NOTHING = () -> { };

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<Runnable> firstRequestAction = new AtomicReference<>(NOTHING);

    public GoneEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answerGone);
        server.start();
    }

    public String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    public void onFirstRequest(Runnable action) {
        firstRequestAction.set(action);
    }

    public int requests() {
        return requests.get();
    }

    private void answerGone(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            requests.incrementAndGet();
            firstRequestAction.getAndSet(NOTHING).run();
            exchange.sendResponseHeaders(410, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
