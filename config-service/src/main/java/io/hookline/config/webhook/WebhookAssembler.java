package io.hookline.config.webhook;

import static io.hookline.config.validation.WebhookFields.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.config.secrets.SigningSecrets;
import io.hookline.config.validation.WebhookChanges;
import io.hookline.contracts.crypto.SealedHeaders;
import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.webhook.SigningSecret;
import io.hookline.contracts.webhook.WebhookConfig;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the next stored version of a webhook from the current one (or the defaults) and the checked changes of a
 * request: fields given replace, fields left out stay, secrets and literal header values are encrypted on the way in.
 */
@Singleton
public final class WebhookAssembler {

    static final Duration ROTATED_SECRET_GRACE = Duration.ofHours(24);
    private static final String SIGNING_SECRETS = "signing_secrets";

    private final SecretCipher cipher;
    private final Clock clock;

    public WebhookAssembler(SecretCipher cipher) {
        this(cipher, Clock.systemUTC());
    }

    WebhookAssembler(SecretCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.clock = clock;
    }

    public AssembledWebhook create(String id, String tenant, WebhookChanges changes) {
        Instant now = clock.instant();
        ObjectNode node = Json.MAPPER.createObjectNode()
                .put(ENABLED, true)
                .put(HTTP_METHOD, "POST")
                .put(MAX_RETRIES, WebhookConfig.DEFAULT_MAX_RETRIES)
                .put(TIMEOUT_MS, WebhookConfig.DEFAULT_TIMEOUT_MS)
                .put(ORDERING, "none")
                // As in OnCall: without a data template the whole event is forwarded.
                .put(FORWARD_ALL, !changes.has(DATA) || changes.get(DATA).isNull());
        String revealed = null;
        if (!changes.has(SIGNING_SECRET)) {
            revealed = SigningSecrets.generate();
            node.set(SIGNING_SECRETS, secrets(List.of(new SigningSecret(cipher.encrypt(revealed), null))));
        }
        apply(node, changes);
        stamp(node, id, tenant, 1, now, now);
        return new AssembledWebhook(toConfig(node), revealed);
    }

    public AssembledWebhook update(WebhookConfig current, WebhookChanges changes) {
        ObjectNode node = Json.MAPPER.valueToTree(current);
        apply(node, changes);
        stamp(node, current.id(), current.tenant(), current.version() + 1, current.createdAt(), clock.instant());
        return new AssembledWebhook(toConfig(node), null);
    }

    /** A new signing secret; the current one keeps signing for 24 hours so receivers can switch without loss. */
    public AssembledWebhook rotateSecret(WebhookConfig current) {
        Instant now = clock.instant();
        String revealed = SigningSecrets.generate();
        List<SigningSecret> live = new ArrayList<>();
        live.add(new SigningSecret(cipher.encrypt(revealed), null));
        for (SigningSecret secret : current.signingSecrets()) {
            if (secret.isLiveAt(now)) {
                Instant expiry = secret.expiresAt() == null ? now.plus(ROTATED_SECRET_GRACE) : secret.expiresAt();
                live.add(new SigningSecret(secret.secret(), expiry));
            }
        }
        ObjectNode node = Json.MAPPER.valueToTree(current);
        node.set(SIGNING_SECRETS, secrets(live));
        stamp(node, current.id(), current.tenant(), current.version() + 1, current.createdAt(), now);
        return new AssembledWebhook(toConfig(node), revealed);
    }

    /**
     * The next version with every secret sealed with the newest key, or null when all of them already are. The
     * plain values are what they were: only their encryption changes.
     */
    public WebhookConfig resealed(WebhookConfig current) {
        boolean stale = !cipher.isSealedWithPrimary(current.password())
                || !cipher.isSealedWithPrimary(current.authorizationHeader())
                || current.signingSecrets().stream().anyMatch(secret -> !cipher.isSealedWithPrimary(secret.secret()))
                || SealedHeaders.hasStale(current.headers(), cipher);
        if (!stale) {
            return null;
        }
        ObjectNode node = Json.MAPPER.valueToTree(current);
        if (current.password() != null) {
            node.put(PASSWORD, reseal(current.password()));
        }
        if (current.authorizationHeader() != null) {
            node.put(AUTHORIZATION_HEADER, reseal(current.authorizationHeader()));
        }
        if (current.headers() != null) {
            node.set(HEADERS, SealedHeaders.reseal(current.headers(), cipher));
        }
        node.set(SIGNING_SECRETS, secrets(current.signingSecrets().stream()
                .map(secret -> new SigningSecret(reseal(secret.secret()), secret.expiresAt()))
                .toList()));
        stamp(node, current.id(), current.tenant(), current.version() + 1, current.createdAt(), clock.instant());
        return toConfig(node);
    }

    private String reseal(String ciphertext) {
        return cipher.isSealedWithPrimary(ciphertext) ? ciphertext : cipher.encrypt(cipher.decrypt(ciphertext));
    }

    private void apply(ObjectNode node, WebhookChanges changes) {
        changes.fields().fields().forEachRemaining(change -> apply(node, change.getKey(), change.getValue()));
        if (changes.has(ENABLED) && changes.get(ENABLED).booleanValue()) {
            node.remove("disabled_reason");
        }
    }

    private void apply(ObjectNode node, String field, JsonNode value) {
        if (SIGNING_SECRET.equals(field)) {
            // A secret the client chose replaces every live one: it knows which secret its receivers hold.
            node.set(SIGNING_SECRETS, secrets(List.of(new SigningSecret(cipher.encrypt(value.textValue()), null))));
        } else if (value.isNull()) {
            node.remove(field);
        } else if (PASSWORD.equals(field) || AUTHORIZATION_HEADER.equals(field)) {
            node.put(field, cipher.encrypt(value.textValue()));
        } else if (HEADERS.equals(field)) {
            node.set(field, SealedHeaders.sealLiterals(value, cipher));
        } else {
            node.set(field, value);
        }
    }

    private static void stamp(ObjectNode node, String id, String tenant, long version, Instant created, Instant now) {
        node.put("id", id).put("tenant", tenant).put("version", version);
        node.put("created_at", (created == null ? now : created).toString()).put("updated_at", now.toString());
    }

    private static ArrayNode secrets(List<SigningSecret> secrets) {
        return Json.MAPPER.valueToTree(secrets);
    }

    private static WebhookConfig toConfig(ObjectNode node) {
        try {
            return Json.MAPPER.treeToValue(node, WebhookConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An assembled webhook does not map to WebhookConfig: " + e.getMessage(), e);
        }
    }
}
