package io.hookline.dispatcher.request;

import io.hookline.contracts.crypto.SealedHeaders;
import io.hookline.contracts.crypto.SecretCipher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masks what the delivery log must not show in clear: {@code Authorization}, {@code Proxy-Authorization},
 * {@code webhook-signature}, and configured headers whose names mark them as credentials (tokens, keys, secrets,
 * passwords, cookies), and values still sealed (a job's headers when no request was built).
 */
public final class HeaderMasker {

    private static final Set<String> ALWAYS_MASKED = Set.of("authorization", "proxy-authorization",
            "webhook-signature", "cookie", "set-cookie");
    private static final List<String> SECRET_WORDS = List.of("token", "secret", "key", "password", "passwd",
            "auth", "signature", "credential", "session");

    private static final int MAX_REMEMBERED_NAMES = 4096;
    /** Every attempt masks its headers, and the same few names come back each time. */
    private static final Map<String, Boolean> SECRET_BY_NAME = new ConcurrentHashMap<>();

    private HeaderMasker() {
    }

    public static Map<String, String> mask(Map<String, String> headers) {
        Map<String, String> masked = new LinkedHashMap<>();
        headers.forEach((name, value) -> masked.put(name,
                isSecret(name) || SealedHeaders.isSealed(value) ? SecretCipher.MASK : value));
        return masked;
    }

    public static boolean isSecret(String headerName) {
        Boolean known = SECRET_BY_NAME.get(headerName);
        if (known != null) {
            return known;
        }
        boolean secret = classify(headerName);
        // Header names come from configs, so a bound keeps a flood of distinct names from growing the map.
        if (SECRET_BY_NAME.size() < MAX_REMEMBERED_NAMES) {
            SECRET_BY_NAME.put(headerName, secret);
        }
        return secret;
    }

    private static boolean classify(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return ALWAYS_MASKED.contains(name) || SECRET_WORDS.stream().anyMatch(name::contains);
    }
}
