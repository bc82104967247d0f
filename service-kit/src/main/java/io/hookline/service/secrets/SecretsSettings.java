package io.hookline.service.secrets;

import io.hookline.contracts.crypto.SecretCipher;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys that seal webhook secrets ({@code hookline.secrets.*}); config-service and the dispatcher need the same.
 *
 * @param keys base64 256-bit AES keys, newest first ({@code HOOKLINE_SECRETS_KEYS}, comma-separated): the first
 *             encrypts, all decrypt
 * @param key  one more key ({@code HOOKLINE_SECRETS_KEY}), the oldest: alone, it is the only key
 */
@ConfigurationProperties("hookline.secrets")
public record SecretsSettings(@Nullable List<String> keys, @Nullable String key) {

    /** The key ring; an {@link IllegalArgumentException} naming the setting when no key is set or one is bad. */
    public SecretCipher cipher() {
        List<String> newestFirst = new ArrayList<>();
        if (keys != null) {
            keys.stream().map(String::trim).filter(k -> !k.isEmpty()).forEach(newestFirst::add);
        }
        if (key != null && !key.isBlank() && !newestFirst.contains(key.trim())) {
            newestFirst.add(key.trim());
        }
        return newestFirst.isEmpty() ? SecretCipher.fromBase64Key(key) : SecretCipher.fromBase64Keys(newestFirst);
    }

    @Override
    public String toString() {
        return "SecretsSettings[keys=" + (keys == null ? 0 : keys.size()) + ", key="
                + (key == null || key.isBlank() ? "unset" : "set") + "]";
    }
}
