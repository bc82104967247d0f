package io.hookline.config.webhook;

import static io.hookline.config.validation.WebhookFields.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.config.error.ProblemException;
import io.hookline.config.secrets.SigningMaterial;
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
        String scheme = changes.has(SIGNATURE_SCHEME) ? changes.get(SIGNATURE_SCHEME).textValue()
                : WebhookConfig.SCHEME_HMAC;
        refuseChosenSecretFor(scheme, changes);
        String revealed = null;
        if (!changes.has(SIGNING_SECRET)) {
            SigningMaterial material = SigningMaterial.generate(scheme);
            node.set(SIGNING_SECRETS, secrets(List.of(new SigningSecret(cipher.encrypt(material.secretToSeal()), null))));
            node.put(SIGNING_PUBLIC_KEY, material.publicKey());
            revealed = material.revealed();
        }
        apply(node, changes);
        stamp(node, id, tenant, 1, now, now);
        return new AssembledWebhook(toConfig(node), revealed);
    }

    /**
     * A change of {@code signature_scheme} makes the new scheme's secret or key pair at once, as a rotation does: the
     * old one keeps signing for 24 hours, so receivers can move to the new scheme without losing a request.
     */
    public AssembledWebhook update(WebhookConfig current, WebhookChanges changes) {
        Instant now = clock.instant();
        String scheme = changes.has(SIGNATURE_SCHEME) ? changes.get(SIGNATURE_SCHEME).textValue()
                : current.signatureScheme();
        refuseChosenSecretFor(scheme, changes);
        ObjectNode node = Json.MAPPER.valueToTree(current);
        apply(node, changes);
        String revealed = null;
        if (!scheme.equals(current.signatureScheme()) && !changes.has(SIGNING_SECRET)) {
            SigningMaterial material = SigningMaterial.generate(scheme);
            node.set(SIGNING_SECRETS, secrets(replacing(current, material, now)));
            node.put(SIGNING_PUBLIC_KEY, material.publicKey());
            revealed = material.revealed();
        }
        if (WebhookConfig.SCHEME_HMAC.equals(scheme)) {
            node.putNull(SIGNING_PUBLIC_KEY);
        }
        stamp(node, current.id(), current.tenant(), current.version() + 1, current.createdAt(), now);
        return new AssembledWebhook(toConfig(node), revealed);
    }

    /**
     * A new signing secret, or for {@code v1a} a new key pair; the current one keeps signing for 24 hours so
     * receivers can switch without loss.
     */
    public AssembledWebhook rotateSecret(WebhookConfig current) {
        Instant now = clock.instant();
        SigningMaterial material = SigningMaterial.generate(current.signatureScheme());
        ObjectNode node = Json.MAPPER.valueToTree(current);
        node.set(SIGNING_SECRETS, secrets(replacing(current, material, now)));
        node.put(SIGNING_PUBLIC_KEY, material.publicKey());
        stamp(node, current.id(), current.tenant(), current.version() + 1, current.createdAt(), now);
        return new AssembledWebhook(toConfig(node), material.revealed());
    }

    private List<SigningSecret> replacing(WebhookConfig current, SigningMaterial material, Instant now) {
        List<SigningSecret> live = new ArrayList<>();
        live.add(new SigningSecret(cipher.encrypt(material.secretToSeal()), null));
        for (SigningSecret secret : current.signingSecrets()) {
            if (secret.isLiveAt(now)) {
                Instant expiry = secret.expiresAt() == null ? now.plus(ROTATED_SECRET_GRACE) : secret.expiresAt();
                live.add(new SigningSecret(secret.secret(), expiry));
            }
        }
        return live;
    }

    /** A {@code v1a} private key is made by the server only: a client-chosen HMAC secret has no place there. */
    private static void refuseChosenSecretFor(String scheme, WebhookChanges changes) {
        if (WebhookConfig.SCHEME_ED25519.equals(scheme) && changes.has(SIGNING_SECRET)) {
            throw ProblemException.invalid(SIGNING_SECRET,
                    "cannot be set with signature_scheme v1a: the server makes the ed25519 key pair");
        }
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
