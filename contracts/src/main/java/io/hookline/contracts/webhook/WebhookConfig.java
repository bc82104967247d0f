package io.hookline.contracts.webhook;

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
        Instant updatedAt) {

    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final int DEFAULT_TIMEOUT_MS = 10_000;
    public static final String DEFAULT_TENANT = "default";

    public WebhookConfig {
        urls = urls == null ? List.of() : List.copyOf(urls);
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        signingSecrets = signingSecrets == null ? List.of() : List.copyOf(signingSecrets);
        httpMethod = httpMethod == null ? "POST" : httpMethod;
        tenant = tenant == null ? DEFAULT_TENANT : tenant;
        ordering = ordering == null ? Ordering.NONE : ordering;
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
