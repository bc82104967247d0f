package io.hookline.dispatcher.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP/1.1 receiver on loopback that ends connections the way real servers and middleboxes do, which no
 * ready-made test server lets a test choose: it answers 200 on a keep-alive connection (no {@code Connection} header)
 * and then, once the connection has been idle for a while, closes it (Node.js, nginx, the JDK server) or goes silent on
 * it without closing (a load balancer or NAT that dropped the idle flow); or it closes every connection without ever
 * answering.
 */
public final class RawReceiver implements AutoCloseable {

    /** One request as it arrived: the number of its connection (1 for the first accepted) and its webhook-id. */
    public record Received(int connection, String webhookId) {
    }

    private enum Mode { CLOSE_WHEN_IDLE, SILENT_WHEN_IDLE, CLOSE_WITHOUT_ANSWER, RESET_REUSED }

    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\n"
            + "thanks").getBytes(StandardCharsets.US_ASCII);

    private final Mode mode;
    private final Duration idle;
    private final Runnable beforeClose;
    private final ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private RawReceiver(Mode mode, Duration idle, Runnable beforeClose) {
        this.mode = mode;
        this.idle = idle;
        this.beforeClose = beforeClose;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a receiver on loopback", e);
        }
        daemon("raw-receiver-accept", this::acceptLoop);
    }

    /** Closes a connection idle for {@code idle}; {@code beforeClose} runs just before each close. */
    public static RawReceiver closingWhenIdle(Duration idle, Runnable beforeClose) {
        return new RawReceiver(Mode.CLOSE_WHEN_IDLE, idle, beforeClose);
    }

    /** Stops answering on a connection idle for {@code idle}, and keeps it open. */
    public static RawReceiver silentWhenIdle(Duration idle) {
        return new RawReceiver(Mode.SILENT_WHEN_IDLE, idle, () -> { });
    }

    /**
     * Answers the first request of each connection, and resets the connection when the next request arrives on it:
     * the race of a server closing a kept-alive connection (nginx at {@code keepalive_requests}, an idle timeout) just
     * as the client sends on it.
     */
    public static RawReceiver resettingReusedConnections() {
        return new RawReceiver(Mode.RESET_REUSED, Duration.ofMinutes(1), () -> { });
    }

    /** Reads each request and closes its connection without a response. */
    public static RawReceiver closingWithoutAnswer() {
        return new RawReceiver(Mode.CLOSE_WITHOUT_ANSWER, Duration.ZERO, () -> { });
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Connections this receiver closed, or went silent on, because they were idle. */
    public int endedIdle() {
        return ended.get();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                int number = accepted.incrementAndGet();
                daemon("raw-receiver-" + number, () -> serve(socket, number));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, int number) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            if (mode != Mode.CLOSE_WITHOUT_ANSWER) {
                socket.setSoTimeout((int) idle.toMillis());
            }
            int answered = 0;
            while (true) {
                String webhookId;
                try {
                    webhookId = readRequest(in);
                } catch (SocketTimeoutException idleTooLong) {
                    endIdle(socket, in);
                    return;
                }
                if (webhookId == null) {
                    return;
                }
                if (mode == Mode.RESET_REUSED && answered > 0) {
                    socket.setSoLinger(true, 0);
                    return;
                }
                received.add(new Received(number, webhookId));
                answered++;
                if (mode == Mode.CLOSE_WITHOUT_ANSWER) {
                    return;
                }
                out.write(RESPONSE);
                out.flush();
            }
        } catch (IOException e) {
            // The client went away; nothing to serve.
        }
    }

    private void endIdle(Socket socket, InputStream in) throws IOException {
        ended.incrementAndGet();
        if (mode == Mode.CLOSE_WHEN_IDLE) {
            beforeClose.run();
            socket.close();
            return;
        }
        socket.setSoTimeout(0);
        while (in.read() != -1) {
            // Swallows whatever comes and never answers, until the client gives up and closes.
        }
    }

    /** The request's webhook-id header, after its body is read; null at the end of the stream. */
    private static String readRequest(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null) {
            return null;
        }
        String webhookId = null;
        int contentLength = 0;
        for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                contentLength = Integer.parseInt(value);
            } else if (name.equals("webhook-id")) {
                webhookId = value;
            }
        }
        in.readNBytes(contentLength);
        return webhookId == null ? "" : webhookId;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int next = in.read(); next != -1; next = in.read()) {
            if (next == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
            }
            line.write(next);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
    }
}
