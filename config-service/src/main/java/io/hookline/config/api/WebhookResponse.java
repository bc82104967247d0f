package io.hookline.config.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A webhook as the API shows it: Grafana OnCall's fields first, in its order, then Hookline's. Secrets are masked,
 * except {@code signing_secret} in the one response that creates or rotates it.
 */
@JsonPropertyOrder({"id", "name", "is_webhook_enabled", "is_legacy", "team", "user", "data", "username", "password",
        "authorization_header", "trigger_template", "headers", "url", "forward_all", "http_method", "trigger_type",
        "integration_filter", "last_response_log"})
@Schema(name = "Webhook")
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
        @Schema(description = "null, an object of header values, or a Jinja template rendering to one") JsonNode headers,
        String url,
        boolean forwardAll,
        String httpMethod,
        String triggerType,
        List<String> integrationFilter,
        @Schema(description = "not kept by config-service; see GET /api/v1/webhooks/{id}/responses") JsonNode lastResponseLog,
        List<String> urls,
        List<String> eventTypes,
        @Schema(description = "null, or a filter expression group (all, any, not, conditions)") JsonNode filter,
        String description,
        String failureNotificationEmail,
        String signingSecret,
        int maxRetries,
        int timeoutMs,
        Integer rateLimitPerSecond,
        String ordering,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String disabledReason) {
}
