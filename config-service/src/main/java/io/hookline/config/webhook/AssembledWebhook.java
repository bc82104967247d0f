package io.hookline.config.webhook;

import io.hookline.contracts.webhook.WebhookConfig;

/**
 * A webhook as it will be stored, and the signing secret to show in full in this one response (null when the
 * client already knows it).
 */
public record AssembledWebhook(WebhookConfig config, String revealedSigningSecret) {
}
