package io.hookline.config.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The webhook request body, for the OpenAPI document only: the service reads bodies field by field
 * ({@code WebhookRequestReader}) so that it can tell a field left out from a field set to null.
 */
@Schema(name = "WebhookRequest", description = "Fields left out keep their value; null clears a nullable field")
public record WebhookRequest(
        @Schema(description = "unique within the tenant; required on create") String name,
        @JsonProperty("is_webhook_enabled") @Schema(defaultValue = "true") Boolean isWebhookEnabled,
        @Schema(nullable = true, description = "a team id or name the event's data.team must match") String team,
        @Schema(description = "http or https; required on create") String url,
        @Schema(description = "further URLs, each its own endpoint") List<String> urls,
        @Schema(allowableValues = {"POST", "GET", "PUT", "PATCH", "DELETE", "OPTIONS"}, defaultValue = "POST")
        String httpMethod,
        @Schema(nullable = true, allowableValues = {"escalation", "alert group created", "acknowledge", "resolve",
                "silence", "unsilence", "unresolve", "unacknowledge", "status change", "personal notification"})
        String triggerType,
        @Schema(description = "event types or patterns such as incident.* and *") List<String> eventTypes,
        @Schema(nullable = true) List<String> integrationFilter,
        @Schema(nullable = true, description = "an expression group: {all|any: [...]}, {not: ...}, {field, op, value}")
        Map<String, Object> filter,
        @Schema(nullable = true, description = "Jinja; fires only when it renders to true, 1 or yes") String triggerTemplate,
        @Schema(nullable = true, description = "Jinja body template; null sends the event") String data,
        Boolean forwardAll,
        @Schema(nullable = true, description = "an object of strings, or a Jinja template rendering to one") Object headers,
        @Schema(nullable = true, description = "write-only") String username,
        @Schema(nullable = true, description = "write-only") String password,
        @Schema(nullable = true, description = "write-only") String authorizationHeader,
        @Schema(nullable = true) String description,
        @Schema(nullable = true) String failureNotificationEmail,
        @Schema(description = "whsec_ and base64; generated when absent") String signingSecret,
        @Schema(minimum = "0", maximum = "8", defaultValue = "3") Integer maxRetries,
        @Schema(minimum = "1", maximum = "30000", defaultValue = "10000") Integer timeoutMs,
        @Schema(nullable = true, minimum = "1") Integer rateLimitPerSecond,
        @Schema(allowableValues = {"none", "subject"}, defaultValue = "none") String ordering,
        @Schema(description = "the version last read; the write fails with 409 when it moved on") Long version) {
}
