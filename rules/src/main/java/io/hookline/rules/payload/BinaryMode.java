package io.hookline.rules.payload;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an event in CloudEvents HTTP binary mode with the SDK's HTTP writer: {@code datacontenttype} as
 * {@code Content-Type}, every other attribute and extension as {@code ce-<name>}, the data as the body. The SDK does
 * not percent-encode header values, so it is done here as the HTTP binding (section 3.1.3.2) requires.
 */
final class BinaryMode {

    private static final JsonFormat FORMAT = new JsonFormat();
    private static final String ATTRIBUTE_PREFIX = "ce-";

    private BinaryMode() {
    }

    /**
     * @param structuredJson an event whose data is JSON, text or absent (binary data is sent structured, see
     *                       {@link PayloadFormat})
     */
    static StandardPayload write(String structuredJson) {
        CloudEvent cloudEvent = FORMAT.deserialize(structuredJson.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        HttpMessageFactory.createWriter(
                (name, value) -> headers.put(name, name.startsWith(ATTRIBUTE_PREFIX) ? percentEncoded(value) : value),
                bytes -> {
                    if (bytes != null) { // the SDK ends an event without data with no body at all
                        body.writeBytes(bytes);
                    }
                }).writeBinary(cloudEvent);
        return new StandardPayload(body.toString(StandardCharsets.UTF_8), headers);
    }

    /**
     * The HTTP binding's encoding of a {@code ce-*} value: space, double quote, percent and every character outside
     * printable ASCII as the percent-encoded bytes of its UTF-8 form.
     */
    static String percentEncoded(String value) {
        StringBuilder encoded = null;
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = b > 0x20 && b < 0x7f && b != '"' && b != '%';
            if (plain && encoded == null) {
                continue;
            }
            if (encoded == null) {
                encoded = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (plain) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded == null ? value : encoded.toString();
    }
}
