package io.hookline.dispatcher.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny real HTTP proxy on loopback: CONNECT tunnels and absolute-form plain HTTP requests, both relayed byte for
 * byte, after checking {@code Proxy-Authorization: Basic} against the one user it knows (407 otherwise). It records
 * every request line it was asked, so tests see what reached the proxy.
 */
public final class ConnectProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String expectedAuthorization;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    public ConnectProxy(String user, String password) {
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::acceptAll);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The first line of every request the proxy got, e.g. {@code CONNECT localhost:8443 HTTP/1.1}. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    public long connects() {
        return requestLines.stream().filter(line -> line.startsWith("CONNECT ")).count();
    }

    /** The request lines answered 407. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String head = readHead(in);
            String requestLine = head.substring(0, head.indexOf("\r\n"));
            requestLines.add(requestLine);
            if (!head.toLowerCase(Locale.ROOT).contains("proxy-authorization: " + expectedAuthorization.toLowerCase(
                    Locale.ROOT) + "\r\n")) {
                refused.add(requestLine);
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            String[] parts = requestLine.split(" ");
            try (Socket target = connect(parts[0], parts[1])) {
                if (parts[0].equals("CONNECT")) {
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } else {
                    // Plain HTTP: the request goes on as it came; the receiver accepts the absolute form.
                    target.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
                }
                threads.execute(() -> pipe(in, outputOf(target)));
                pipe(target.getInputStream(), out);
            }
        } catch (IOException | RuntimeException e) {
            // the client or the target went away
        }
    }

    private static Socket connect(String method, String target) throws IOException {
        if (method.equals("CONNECT")) {
            int colon = target.lastIndexOf(':');
            return new Socket(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
        }
        URI uri = URI.create(target);
        return new Socket(uri.getHost(), uri.getPort() == -1 ? 80 : uri.getPort());
    }

    private static OutputStream outputOf(Socket socket) {
        try {
            return socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pipe(InputStream from, OutputStream to) {
        byte[] buffer = new byte[8192];
        try {
            for (int read = from.read(buffer); read >= 0; read = from.read(buffer)) {
                to.write(buffer, 0, read);
                to.flush();
            }
        } catch (IOException ignored) {
            // one side closed
        }
    }

    /** The request line and headers, up to and including the empty line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("closed before the end of the request head");
            }
            head.write(next);
            matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
