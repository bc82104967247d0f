package io.hookline.testkit;

import java.nio.charset.StandardCharsets;

/**
 * Searches a binary export (an OTLP protobuf request, say) for bytes or UTF-8 text, so a test can tell that a span
 * carries a trace id or a name without decoding the format.
 */
public final class ExportedBytes {

    private ExportedBytes() {
    }

    public static boolean contains(byte[] haystack, String text) {
        return contains(haystack, text.getBytes(StandardCharsets.UTF_8));
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
