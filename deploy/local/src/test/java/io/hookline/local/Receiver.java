package io.hookline.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.json.Json;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP/1.1 receiver on loopback, on plain sockets so that its connection handling is the test's to choose: it
 * keeps connections alive, and may close them the way servers with a keep-alive timeout do, silently (no
 * {@code Connection: close}): when one has been idle for a while, and, after N requests on one connection, as the
 * next request arrives on it, unanswered: the race every client of such a server meets now and then (the server's
 * timer fires while the request is on the wire), made deterministic. It records every request it answered, with the
 * status a {@link Responder} chose for it.
 */
final class Receiver implements AutoCloseable {

    /** One request read in full: the delivery's {@code webhook-id}, the event it carried, what was answered. */
    record Request(String path, String webhookId, String eventId, String subject, int attempt, int status,
                   long receivedNanos, int connection) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    /** Chooses the status for a request; {@code attempt} counts the requests with this webhook-id so far, from 1. */
    @FunctionalInterface
    interface Responder {
        int status(String path, String eventId, int attempt);
    }

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_HEADER_LINE = 16 * 1024;

    private final ServerSocket server;
    private final Duration idleClose;
    private final int maxRequestsPerConnection;
    private final Responder responder;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger closedIdle = new AtomicInteger();
    private final AtomicInteger closedOnArrival = new AtomicInteger();
    private volatile boolean closed;

    /**
     * @param idleClose                closes a kept-alive connection silently after this long without a request
     * @param maxRequestsPerConnection closes a connection, unanswered, when a request arrives after this many
     */
    private Receiver(Duration idleClose, int maxRequestsPerConnection, Responder responder) throws IOException {
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.idleClose = idleClose;
        this.maxRequestsPerConnection = maxRequestsPerConnection;
        this.responder = responder;
        threads.execute(this::accept);
    }

    /** Keeps connections alive for a minute of idleness and any number of requests. */
    static Receiver wellBehaved(Responder responder) throws IOException {
        return new Receiver(Duration.ofMinutes(1), Integer.MAX_VALUE, responder);
    }

    /**
     * Closes connections silently after {@code idleClose} of idleness, and closes a connection that has served
     * {@code maxRequests} requests when the next one arrives on it, without answering it.
     */
    static Receiver closingConnections(Duration idleClose, int maxRequests, Responder responder) throws IOException {
        return new Receiver(idleClose, maxRequests, responder);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** Every request read in full so far, in arrival order. */
    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<Request> requests(String path) {
        return requests().stream().filter(request -> request.path().equals(path)).toList();
    }

    /** Connections accepted, closed for idleness, closed as a request arrived. */
    String connectionSummary() {
        return "connections " + connections.get() + ", closed idle " + closedIdle.get()
                + ", closed unanswered as request " + (maxRequestsPerConnection + 1) + " arrived "
                + closedOnArrival.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                int connection = connections.incrementAndGet();
                threads.execute(() -> serve(socket, connection));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("Receiver stopped accepting: " + e);
                }
                return;
            }
        }
    }

    private void serve(Socket socket, int connection) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            int served = 0;
            while (!closed) {
                socket.setSoTimeout((int) idleClose.toMillis());
                String requestLine;
                try {
                    requestLine = readLine(in);
                } catch (SocketTimeoutException e) {
                    closedIdle.incrementAndGet();
                    return; // idle for too long: close without a word, as servers do
                }
                if (requestLine == null) {
                    return; // the client closed it
                }
                if (requestLine.isEmpty()) {
                    continue;
                }
                if (served >= maxRequestsPerConnection) {
                    closedOnArrival.incrementAndGet();
                    socket.setSoLinger(true, 0);
                    return; // the request is on the wire: close without answering it, with a reset
                }
                socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
                Map<String, String> headers = new TreeMap<>();
                for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                line.substring(colon + 1).trim());
                    }
                }
                if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                byte[] body = readBody(in, headers);
                String[] parts = requestLine.split(" ");
                String path = parts.length > 1 ? parts[1] : "/";
                int status = record(path, headers.get("webhook-id"), body, connection);
                byte[] answer = "{\"ok\":%s}".formatted(status < 300).getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 " + status + " " + (status < 300 ? "OK" : "Error") + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + answer.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(answer);
                out.flush();
                served++;
            }
        } catch (IOException e) {
            // the client went away mid-request (killed dispatcher, timeout): nothing was recorded for it
        } finally {
            open.remove(socket);
        }
    }

    private int record(String path, String webhookId, byte[] body, int connection) {
        String eventId = null;
        String subject = null;
        try {
            JsonNode event = Json.MAPPER.readTree(body);
            eventId = event.path("id").asText(null);
            subject = event.path("subject").asText(null);
        } catch (IOException | RuntimeException e) {
            // not a CloudEvent: recorded without an event id
        }
        String key = webhookId != null ? webhookId : path + "|" + eventId;
        int attempt = attempts.computeIfAbsent(key, ignored -> new AtomicInteger()).incrementAndGet();
        int status = responder.status(path, eventId, attempt);
        synchronized (requests) {
            requests.add(new Request(path, webhookId, eventId, subject, attempt, status, System.nanoTime(),
                    connection));
        }
        return status;
    }

    private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = readLine(in);
                if (size == null) {
                    throw new IOException("connection closed in a chunked body");
                }
                int semicolon = size.indexOf(';');
                int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (length == 0) {
                    for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
                        // trailers are ignored
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(length));
                readLine(in);
            }
        }
        String length = headers.get("content-length");
        if (length == null) {
            return new byte[0];
        }
        int expected = Integer.parseInt(length);
        byte[] body = in.readNBytes(expected);
        if (body.length < expected) {
            throw new IOException("connection closed in the body");
        }
        return body;
    }

    /** A CRLF-terminated line, or null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_HEADER_LINE) {
                throw new IOException("header line too long");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }
}
