package io.hookline.contracts.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A webhook as stored on the compacted {@code webhook-config} topic, keyed by {@link #id()}. Secrets
 * ({@link #password()}, {@link #authorizationHeader()}, each {@link SigningSecret#secret()}) are AES-GCM
 * ciphertexts here, never plain text. {@link #version()} grows by one on every write.
 */
public record WebhookConfig(
        String id,
        String tenant,
        long version,
        String name,
        @JsonProperty("is_webhook_enabled") boolean isWebhookEnabled,
        String team,
        String url,
        List<String> urls,
        String httpMethod,
        String triggerType,
        List<String> eventTypes,
        List<String> integrationFilter,
        JsonNode filter,
        String triggerTemplate,
        String data,
        boolean forwardAll,
        JsonNode headers,
        String username,
        String password,
        String authorizationHeader,
        String description,
        String failureNotificationEmail,
        List<SigningSecret> signingSecrets,
        int maxRetries,
        int timeoutMs,
        Integer rateLimitPerSecond,
        Ordering ordering,
        String disabledReason,
        Instant createdAt,
        Instant updatedAt,
        String signatureScheme,
        String signingPublicKey,
        String payloadFormat,
        String requestTemplate,
        String templateEngine,
        boolean publishResponses,
        String forwarding,
        List<String> unsubscribeOn,
        String disableAfterFailing) {

    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final int DEFAULT_TIMEOUT_MS = 10_000;
    public static final String DEFAULT_TENANT = "default";
    /** Standard Webhooks' symmetric scheme: HMAC-SHA256 with a {@code whsec_} secret. */
    public static final String SCHEME_HMAC = "v1";
    /** Standard Webhooks' asymmetric scheme: ed25519; {@link #signingPublicKey()} is the current {@code whpk_} key. */
    public static final String SCHEME_ED25519 = "v1a";
    /** The standard payload: the CloudEvent as structured JSON. */
    public static final String PAYLOAD_CLOUDEVENT = "cloudevent";
    public static final String ENGINE_JINJA = "jinja";
    /** Every matching event goes out, as before forwarding modes. */
    public static final String FORWARDING_ALWAYS = "always";

    @JsonCreator // the canonical one: the shorter constructor below is for code, not for JSON
    public WebhookConfig {
        urls = urls == null ? List.of() : List.copyOf(urls);
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        signingSecrets = signingSecrets == null ? List.of() : List.copyOf(signingSecrets);
        httpMethod = httpMethod == null ? "POST" : httpMethod;
        tenant = tenant == null ? DEFAULT_TENANT : tenant;
        ordering = ordering == null ? Ordering.NONE : ordering;
        signatureScheme = signatureScheme == null ? SCHEME_HMAC : signatureScheme;
        payloadFormat = payloadFormat == null ? PAYLOAD_CLOUDEVENT : payloadFormat;
        templateEngine = templateEngine == null ? ENGINE_JINJA : templateEngine;
        forwarding = forwarding == null ? FORWARDING_ALWAYS : forwarding;
        unsubscribeOn = unsubscribeOn == null ? List.of() : List.copyOf(unsubscribeOn);
    }

    /** A webhook signed with HMAC ({@code v1}), as every webhook was before {@code v1a}. */
    public WebhookConfig(String id, String tenant, long version, String name, boolean isWebhookEnabled, String team,
                         String url, List<String> urls, String httpMethod, String triggerType,
                         List<String> eventTypes, List<String> integrationFilter, JsonNode filter,
                         String triggerTemplate, String data, boolean forwardAll, JsonNode headers, String username,
                         String password, String authorizationHeader, String description,
                         String failureNotificationEmail, List<SigningSecret> signingSecrets, int maxRetries,
                         int timeoutMs, Integer rateLimitPerSecond, Ordering ordering, String disabledReason,
                         Instant createdAt, Instant updatedAt) {
        this(id, tenant, version, name, isWebhookEnabled, team, url, urls, httpMethod, triggerType, eventTypes,
                integrationFilter, filter, triggerTemplate, data, forwardAll, headers, username, password,
                authorizationHeader, description, failureNotificationEmail, signingSecrets, maxRetries, timeoutMs,
                rateLimitPerSecond, ordering, disabledReason, createdAt, updatedAt, SCHEME_HMAC, null);
    }

    /** A webhook with every field that came after {@code signing_public_key} at its default. */
    public WebhookConfig(String id, String tenant, long version, String name, boolean isWebhookEnabled, String team,
                         String url, List<String> urls, String httpMethod, String triggerType,
                         List<String> eventTypes, List<String> integrationFilter, JsonNode filter,
                         String triggerTemplate, String data, boolean forwardAll, JsonNode headers, String username,
                         String password, String authorizationHeader, String description,
                         String failureNotificationEmail, List<SigningSecret> signingSecrets, int maxRetries,
                         int timeoutMs, Integer rateLimitPerSecond, Ordering ordering, String disabledReason,
                         Instant createdAt, Instant updatedAt, String signatureScheme, String signingPublicKey) {
        this(id, tenant, version, name, isWebhookEnabled, team, url, urls, httpMethod, triggerType, eventTypes,
                integrationFilter, filter, triggerTemplate, data, forwardAll, headers, username, password,
                authorizationHeader, description, failureNotificationEmail, signingSecrets, maxRetries, timeoutMs,
                rateLimitPerSecond, ordering, disabledReason, createdAt, updatedAt, signatureScheme, signingPublicKey,
                null, null, null, false, null, null, null);
    }

    @JsonIgnore
    public boolean signsWithEd25519() {
        return SCHEME_ED25519.equals(signatureScheme);
    }

    /**
     * Whether a delivery to {@code url} is still this webhook's: one of its {@link #endpoints()}, or, when a
     * {@link #requestTemplate()} renders the URL per event, any URL (the rendered one was checked when rendered).
     */
    @JsonIgnore
    public boolean sendsTo(String url) {
        return requestTemplate != null || endpoints().contains(url);
    }

    /**
     * The URL naming the endpoint a request to {@code url} belongs to: the request's own URL, except for a
     * {@link #requestTemplate()}, whose URLs rendered per event all reach one receiving system, named by {@link #url()}.
     */
    public String endpointUrlFor(String url) {
        return requestTemplate != null && this.url != null ? this.url : url;
    }

    /** Every URL this webhook delivers to, {@link #url()} first, each once. */
    @JsonIgnore
    public List<String> endpoints() {
        Set<String> all = new LinkedHashSet<>();
        if (url != null) {
            all.add(url);
        }
        all.addAll(urls);
        return new ArrayList<>(all);
    }
}
