package io.hookline.config.api;

import io.hookline.config.webhook.AssembledWebhook;
import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.contracts.webhook.WebhookConfig;

/** Turns a stored webhook into what the API shows, masking every secret. */
final class WebhookResponses {

    private WebhookResponses() {
    }

    static WebhookResponse of(WebhookConfig config) {
        return of(config, null);
    }

    static WebhookResponse of(AssembledWebhook webhook) {
        return of(webhook.config(), webhook.revealedSigningSecret());
    }

    private static WebhookResponse of(WebhookConfig config, String revealedSigningSecret) {
        String signingSecret = revealedSigningSecret != null ? revealedSigningSecret
                : config.signingSecrets().isEmpty() ? null : SecretCipher.MASK;
        return new WebhookResponse(config.id(), config.name(), config.isWebhookEnabled(), false, config.team(), null,
                config.data(), mask(config.username()), mask(config.password()), mask(config.authorizationHeader()),
                config.triggerTemplate(), config.headers(), config.url(), config.forwardAll(), config.httpMethod(),
                config.triggerType(), config.integrationFilter(), null, config.urls(), config.eventTypes(),
                config.filter(), config.description(), config.failureNotificationEmail(), signingSecret,
                config.maxRetries(), config.timeoutMs(), config.rateLimitPerSecond(), config.ordering().wireName(),
                config.version(), config.createdAt(), config.updatedAt(), config.disabledReason());
    }

    private static String mask(String secret) {
        return secret == null ? null : SecretCipher.MASK;
    }
}
