package io.hookline.dispatcher.webhook;

import io.hookline.contracts.crypto.SealedHeaders;
import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.contracts.webhook.SigningSecret;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.secrets.SecretsSettings;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Decrypts a webhook's secrets at send time; the plain values live only as long as one request is built. */
@Singleton
public class WebhookSecrets {

    private final SecretCipher cipher;

    public WebhookSecrets(SecretsSettings settings) {
        this.cipher = settings.cipher();
    }

    /** The {@code whsec_} secrets that sign now: the current one and a rotated-out one still in its grace period. */
    public List<String> liveSigningSecrets(WebhookConfig webhook, Instant now) {
        return webhook.signingSecrets().stream()
                .filter(secret -> secret.isLiveAt(now))
                .map(SigningSecret::secret)
                .map(cipher::decrypt)
                .toList();
    }

    /** A header value of the job as it goes on the wire: a literal sealed by config-service is opened. */
    public String openHeader(String value) {
        return SealedHeaders.open(value, cipher);
    }

    /** The {@code Authorization} value: the configured header, else basic auth from username and password. */
    public Optional<String> authorization(WebhookConfig webhook) {
        if (webhook.authorizationHeader() != null) {
            return Optional.of(cipher.decrypt(webhook.authorizationHeader()));
        }
        if (webhook.username() != null) {
            String password = webhook.password() == null ? "" : cipher.decrypt(webhook.password());
            String pair = webhook.username() + ":" + password;
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.empty();
    }
}
