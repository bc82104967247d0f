package io.hookline.contracts.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: {@code webhook-signature} is {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}
 * for a {@code whsec_} secret and {@code v1a,<base64 ed25519 signature>} for a {@code whsk_} private key, one entry
 * per live secret, space-separated, so receivers keep verifying while a secret is rotated or the scheme changes.
 */
public final class WebhookSigner {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    public static final String SECRET_PREFIX = "whsec_";
    private static final String VERSION = "v1";
    private static final String ASYMMETRIC_VERSION = "v1a";
    private static final String HMAC = "HmacSHA256";
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(WebhookSigner::newMac);

    private WebhookSigner() {
    }

    /** The three Standard Webhooks headers for one request, signed with every given {@code whsec_} secret. */
    public static Map<String, String> headers(String messageId, Instant timestamp, String body, List<String> secrets) {
        long seconds = timestamp.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID_HEADER, messageId);
        headers.put(TIMESTAMP_HEADER, Long.toString(seconds));
        headers.put(SIGNATURE_HEADER, signatureHeader(messageId, seconds, body, secrets));
        return headers;
    }

    /** The value of {@code webhook-signature}: one {@code v1,…} or {@code v1a,…} per secret, space-separated. */
    public static String signatureHeader(String messageId, long timestampSeconds, String body, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one signing secret is required");
        }
        return secrets.stream()
                .map(secret -> Ed25519Signing.isPrivateKey(secret)
                        ? ASYMMETRIC_VERSION + "," + Ed25519Signing.sign(messageId, timestampSeconds, body, secret)
                        : VERSION + "," + sign(messageId, timestampSeconds, body, secret))
                .collect(Collectors.joining(" "));
    }

    /** The base64 HMAC-SHA256 of {@code id.timestamp.body} keyed with the secret's decoded base64 part. */
    public static String sign(String messageId, long timestampSeconds, String body, String secret) {
        Mac mac = MACS.get();
        try {
            mac.init(new SecretKeySpec(keyBytes(secret), HMAC));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 rejected the key", e);
        }
        // Fed in parts: a copy of the whole body as one "id.timestamp.body" string is not needed.
        mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            mac.update(body.getBytes(StandardCharsets.UTF_8));
        }
        return Base64.getEncoder().encodeToString(mac.doFinal());
    }

    /** One per thread: looking up the provider for every request cost more than the HMAC itself. */
    private static Mac newMac() {
        try {
            return Mac.getInstance(HMAC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    static byte[] keyBytes(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("signing secret is empty");
        }
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            byte[] key = Base64.getDecoder().decode(encoded);
            if (key.length == 0) {
                throw new IllegalArgumentException("signing secret is empty");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signing secret is not whsec_<base64>", e);
        }
    }
}
