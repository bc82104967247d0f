package io.hookline.config.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A webhook as the API shows it: Grafana OnCall's fields first, in its order, then Hookline's. Secrets are masked,
 * except {@code signing_secret} in the one response that creates or rotates it.
 */
@JsonPropertyOrder({"id", "name", "is_webhook_enabled", "is_legacy", "team", "user", "data", "username", "password",
        "authorization_header", "trigger_template", "headers", "url", "forward_all", "http_method", "trigger_type",
        "integration_filter", "last_response_log"})
public record WebhookResponse(
        String id,
        String name,
        @JsonProperty("is_webhook_enabled") boolean isWebhookEnabled,
        @JsonProperty("is_legacy") boolean isLegacy,
        String team,
        String user,
        String data,
        String username,
        String password,
        String authorizationHeader,
        String triggerTemplate,
        JsonNode headers,
        String url,
        boolean forwardAll,
        String httpMethod,
        String triggerType,
        List<String> integrationFilter,
        JsonNode lastResponseLog,
        List<String> urls,
        List<String> eventTypes,
        JsonNode filter,
        String description,
        String failureNotificationEmail,
        String signingSecret,
        String signatureScheme,
        String signingPublicKey,
        int maxRetries,
        int timeoutMs,
        Integer rateLimitPerSecond,
        String ordering,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String disabledReason,
        String payloadFormat,
        String requestTemplate,
        String templateEngine,
        boolean publishResponses,
        String forwarding,
        List<String> unsubscribeOn,
        String disableAfterFailing) {
}
