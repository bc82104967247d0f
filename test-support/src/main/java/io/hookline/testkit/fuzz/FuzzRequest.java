package io.hookline.testkit.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One hostile request, as raw bytes: the target and the body may hold anything, bad UTF-8 included, which an HTTP
 * client library would refuse to send.
 */
public record FuzzRequest(String category, Endpoint endpoint, String method, byte[] target, List<String[]> headers,
                          byte[] body) {

    public FuzzRequest {
        headers = List.copyOf(headers);
    }

    public static FuzzRequest of(String category, Endpoint endpoint, String target, byte[] body) {
        return new FuzzRequest(category, endpoint, endpoint.method(), ascii(target), contentType(body), body);
    }

    public FuzzRequest withMethod(String otherMethod) {
        return new FuzzRequest(category, endpoint, otherMethod, target, headers, body);
    }

    public FuzzRequest withTarget(byte[] otherTarget) {
        return new FuzzRequest(category, endpoint, method, otherTarget, headers, body);
    }

    /** Sets a header, replacing one of the same name. */
    public FuzzRequest withHeader(String name, String value) {
        List<String[]> changed = new ArrayList<>();
        for (String[] header : headers) {
            if (!header[0].equalsIgnoreCase(name)) {
                changed.add(header);
            }
        }
        changed.add(new String[] {name, value});
        return new FuzzRequest(category, endpoint, method, target, changed, body);
    }

    /** The request as it goes on the wire, closing the connection after the answer. */
    public byte[] toBytes(String token) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii(method + " "));
        out.writeBytes(target);
        out.writeBytes(ascii(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"));
        boolean hasAuthorization = headers.stream().anyMatch(header -> header[0].equalsIgnoreCase("Authorization"));
        if (!hasAuthorization && token != null) {
            out.writeBytes(ascii("Authorization: Bearer " + token + "\r\n"));
        }
        for (String[] header : headers) {
            out.writeBytes((header[0] + ": " + header[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (body != null) {
            out.writeBytes(ascii("Content-Length: " + body.length + "\r\n"));
        }
        out.writeBytes(ascii("\r\n"));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** What a failure report shows: the category, the request line and the start of the body. */
    @Override
    public String toString() {
        String shownBody = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        String shownTarget = new String(target, 0, Math.min(target.length, 300), StandardCharsets.UTF_8);
        return "[" + category + "] " + method + " " + shownTarget + " (" + headers.size() + " headers) " + shownBody;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String[]> contentType(byte[] body) {
        return body == null ? List.of() : List.<String[]>of(new String[] {"Content-Type", "application/json"});
    }
}
