package io.hookline.dispatcher.delivery;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Cuts a text at 64 KiB of UTF-8, never in the middle of a character. */
public final class BodyCap {

    public static final int LIMIT_BYTES = 64 * 1024;

    private BodyCap() {
    }

    public static boolean exceeds(String text) {
        return text != null && (text.length() > LIMIT_BYTES
                || text.getBytes(StandardCharsets.UTF_8).length > LIMIT_BYTES);
    }

    public static String cap(String text) {
        if (!exceeds(text)) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.IGNORE);
        CharBuffer out = CharBuffer.allocate(LIMIT_BYTES);
        decoder.decode(ByteBuffer.wrap(bytes, 0, LIMIT_BYTES), out, true);
        return out.flip().toString();
    }
}
