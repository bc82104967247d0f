package io.hookline.contracts.size;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Cuts a text at a number of UTF-8 bytes, never in the middle of a character. */
public final class Utf8Cap {

    private Utf8Cap() {
    }

    public static int length(String text) {
        if (text == null) {
            return 0;
        }
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    public static boolean exceeds(String text, int maxBytes) {
        return text != null && (text.length() > maxBytes || length(text) > maxBytes);
    }

    public static String cap(String text, int maxBytes) {
        if (!exceeds(text, maxBytes)) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.IGNORE);
        CharBuffer out = CharBuffer.allocate(maxBytes);
        decoder.decode(ByteBuffer.wrap(bytes, 0, Math.min(maxBytes, bytes.length)), out, true);
        return out.flip().toString();
    }
}
