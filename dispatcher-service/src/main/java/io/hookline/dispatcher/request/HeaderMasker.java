package io.hookline.dispatcher.request;

import io.hookline.contracts.crypto.SealedHeaders;
import io.hookline.contracts.crypto.SecretCipher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    private HeaderMasker() {
    }

    public static Map<String, String> mask(Map<String, String> headers) {
        Map<String, String> masked = new LinkedHashMap<>();
        headers.forEach((name, value) -> masked.put(name,
                isSecret(name) || SealedHeaders.isSealed(value) ? SecretCipher.MASK : value));
        return masked;
    }

    public static boolean isSecret(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return ALWAYS_MASKED.contains(name) || SECRET_WORDS.stream().anyMatch(name::contains);
    }
}
