package io.hookline.dispatcher.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain HTTP receiver (the JDK's server) that records, for each request, the protocol of its request line and the
 * client port of its connection, which WireMock does not show: two requests from one port came on one connection.
 */
public final class ConnectionRecordingReceiver implements AutoCloseable {

    public record Received(String protocol, int clientPort, String pathAndQuery, String webhookId, String body) {
    }

    private static final String LOOPBACK = "127.0.0.1";

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public ConnectionRecordingReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a receiver on loopback", e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getProtocol(), exchange.getRemoteAddress().getPort(),
                exchange.getRequestURI().toString(), exchange.getRequestHeaders().getFirst("webhook-id"), body));
        byte[] reply = "thanks".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    public String url(String pathAndQuery) {
        return "http://" + LOOPBACK + ":" + server.getAddress().getPort() + pathAndQuery;
    }

    public List<Received> received(String caseName) {
        return received.stream().filter(request -> request.pathAndQuery().contains("case=" + caseName)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
