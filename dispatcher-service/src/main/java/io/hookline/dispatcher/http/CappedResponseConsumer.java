package io.hookline.dispatcher.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/** Keeps the status, the headers and the first {@code cap} bytes of the body; the rest is read and dropped. */
final class CappedResponseConsumer extends AbstractBinResponseConsumer<CappedResponse> {

    private final int cap;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int statusCode;
    private Map<String, String> headers = Map.of();
    private boolean truncated;

    CappedResponseConsumer(int cap) {
        this.cap = cap;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) {
        statusCode = response.getCode();
        Map<String, String> collected = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            collected.merge(header.getName(), header.getValue(), (first, next) -> first + ", " + next);
        }
        headers = collected;
    }

    @Override
    protected int capacityIncrement() {
        return cap;
    }

    @Override
    protected void data(ByteBuffer data, boolean endOfStream) {
        int room = cap - body.size();
        int take = Math.min(room, data.remaining());
        if (take > 0) {
            byte[] chunk = new byte[take];
            data.get(chunk);
            body.write(chunk, 0, take);
        }
        if (data.hasRemaining()) {
            truncated = true;
            data.position(data.limit());
        }
    }

    @Override
    protected CappedResponse buildResult() {
        return new CappedResponse(statusCode, headers, body.toString(StandardCharsets.UTF_8), truncated);
    }

    @Override
    public void releaseResources() {
        // The buffer is owned by the result; nothing pooled to give back.
    }
}
