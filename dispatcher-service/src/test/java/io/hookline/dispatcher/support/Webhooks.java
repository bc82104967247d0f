package io.hookline.dispatcher.support;

import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.webhook.Ordering;
import io.hookline.contracts.webhook.SigningSecret;
import io.hookline.contracts.webhook.WebhookConfig;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data: webhooks with encrypted secrets and the jobs the matcher would make for them. */
public final class Webhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Webhooks() {
    }

    public static String newSigningSecret() {
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** A builder-ish copy helper over the record's many components. */
    public record Spec(String id, String url, List<String> urls, boolean enabled, String username, String password,
                       String authorizationHeader, List<SigningSecret> secrets, int maxRetries, int timeoutMs,
                       Integer rateLimit, Ordering ordering, String email, long version) {

        public static Spec of(String url, SecretCipher cipher, String signingSecret) {
            return new Spec("wh-" + UUID.randomUUID().toString().substring(0, 8), url, List.of(), true, null, null,
                    null, List.of(new SigningSecret(cipher.encrypt(signingSecret), null)), 3, 2000, null,
                    Ordering.NONE, null, 1);
        }

        public Spec url(String value) {
            return new Spec(id, value, urls, enabled, username, password, authorizationHeader, secrets, maxRetries,
                    timeoutMs, rateLimit, ordering, email, version);
        }

        public Spec enabled(boolean value) {
            return new Spec(id, url, urls, value, username, password, authorizationHeader, secrets, maxRetries,
                    timeoutMs, rateLimit, ordering, email, version + 1);
        }

        public Spec basicAuth(String user, String encryptedPassword) {
            return new Spec(id, url, urls, enabled, user, encryptedPassword, authorizationHeader, secrets, maxRetries,
                    timeoutMs, rateLimit, ordering, email, version);
        }

        public Spec authorization(String encrypted) {
            return new Spec(id, url, urls, enabled, username, password, encrypted, secrets, maxRetries, timeoutMs,
                    rateLimit, ordering, email, version);
        }

        public Spec secrets(List<SigningSecret> value) {
            return new Spec(id, url, urls, enabled, username, password, authorizationHeader, value, maxRetries,
                    timeoutMs, rateLimit, ordering, email, version + 1);
        }

        public Spec maxRetries(int value) {
            return new Spec(id, url, urls, enabled, username, password, authorizationHeader, secrets, value,
                    timeoutMs, rateLimit, ordering, email, version);
        }

        public Spec timeoutMs(int value) {
            return new Spec(id, url, urls, enabled, username, password, authorizationHeader, secrets, maxRetries,
                    value, rateLimit, ordering, email, version);
        }

        public Spec rateLimit(Integer value) {
            return new Spec(id, url, urls, enabled, username, password, authorizationHeader, secrets, maxRetries,
                    timeoutMs, value, ordering, email, version);
        }

        public Spec ordering(Ordering value) {
            return new Spec(id, url, urls, enabled, username, password, authorizationHeader, secrets, maxRetries,
                    timeoutMs, rateLimit, value, email, version);
        }

        public Spec email(String value) {
            return new Spec(id, url, urls, enabled, username, password, authorizationHeader, secrets, maxRetries,
                    timeoutMs, rateLimit, ordering, value, version);
        }

        public WebhookConfig config() {
            Instant now = Instant.now();
            return new WebhookConfig(id, "default", version, "hook " + id, enabled, null, url, urls, "POST", null,
                    List.of("*"), null, null, null, null, false, null, username, password, authorizationHeader,
                    null, email, secrets, maxRetries, timeoutMs, rateLimit, ordering, null, now, now);
        }

        public DeliveryJob job(String subject, String body, long position) {
            return job(url, subject, body, position, Map.of());
        }

        public DeliveryJob job(String subject, String body, long position, Map<String, String> headers) {
            return job(url, subject, body, position, headers);
        }

        public DeliveryJob job(String target, String subject, String body, long position,
                               Map<String, String> headers) {
            String eventId = "evt-" + UUID.randomUUID();
            return new DeliveryJob("dlv-" + UUID.randomUUID(), id, version, "default", target, "POST", headers, body,
                    eventId, "incident.triggered", subject, null, body, "0:" + position, ordering, 1, maxRetries,
                    timeoutMs, Instant.now(), null, null, null);
        }
    }
}
