package io.hookline.contracts.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Literal values of a webhook's {@code headers} object (API keys, tokens), sealed on {@code webhook-config} and in
 * delivery jobs, opened only where a request is sent or shown to its owner. Template values stay plain: the matcher
 * renders them and holds no key. A sealed literal is itself a valid template that renders to itself, so the matcher
 * passes it into the job unchanged.
 */
public final class SealedHeaders {

    /**
     * Starts every sealed value. config-service refuses control characters in configured header values, so no plain
     * value starts with it.
     */
    static final String MARKER = "\u0001";

    private SealedHeaders() {
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(MARKER);
    }

    /** Whether {@code value} is a literal (no Jinja or Handlebars markup) and so safe to seal. */
    public static boolean isLiteral(String value) {
        return !value.contains("{{") && !value.contains("{%") && !value.contains("{#");
    }

    /** {@code headers} with every literal value of the object form sealed; other forms unchanged. */
    public static JsonNode sealLiterals(JsonNode headers, SecretCipher cipher) {
        if (headers == null || !headers.isObject()) {
            return headers;
        }
        ObjectNode sealed = headers.deepCopy();
        headers.fields().forEachRemaining(header -> {
            String value = header.getValue().isTextual() ? header.getValue().textValue() : null;
            if (value != null && !isSealed(value) && isLiteral(value)) {
                sealed.put(header.getKey(), MARKER + cipher.encrypt(value));
            }
        });
        return sealed;
    }

    /** {@code headers} with every sealed value opened, for showing the webhook to its owner. */
    public static JsonNode openAll(JsonNode headers, SecretCipher cipher) {
        if (headers == null || !headers.isObject()) {
            return headers;
        }
        ObjectNode opened = headers.deepCopy();
        headers.fields().forEachRemaining(header -> {
            if (header.getValue().isTextual() && isSealed(header.getValue().textValue())) {
                opened.put(header.getKey(), open(header.getValue().textValue(), cipher));
            }
        });
        return opened;
    }

    /** {@code headers} with every sealed value sealed again by the newest key. */
    public static JsonNode reseal(JsonNode headers, SecretCipher cipher) {
        if (headers == null || !headers.isObject()) {
            return headers;
        }
        ObjectNode resealed = headers.deepCopy();
        headers.fields().forEachRemaining(header -> {
            String value = header.getValue().isTextual() ? header.getValue().textValue() : null;
            if (isSealed(value) && !cipher.isSealedWithPrimary(value.substring(MARKER.length()))) {
                resealed.put(header.getKey(), MARKER + cipher.encrypt(open(value, cipher)));
            }
        });
        return resealed;
    }

    /** Whether any sealed value of {@code headers} is sealed with an older key than the newest. */
    public static boolean hasStale(JsonNode headers, SecretCipher cipher) {
        if (headers == null || !headers.isObject()) {
            return false;
        }
        for (JsonNode value : headers) {
            if (value.isTextual() && isSealed(value.textValue())
                    && !cipher.isSealedWithPrimary(value.textValue().substring(MARKER.length()))) {
                return true;
            }
        }
        return false;
    }

    /** The plain value: sealed values opened, others as they are. */
    public static String open(String value, SecretCipher cipher) {
        return isSealed(value) ? cipher.decrypt(value.substring(MARKER.length())) : value;
    }

    /** Rendered request headers with sealed values opened. */
    public static Map<String, String> openAll(Map<String, String> headers, SecretCipher cipher) {
        Map<String, String> opened = new LinkedHashMap<>();
        headers.forEach((name, value) -> opened.put(name, open(value, cipher)));
        return opened;
    }
}
