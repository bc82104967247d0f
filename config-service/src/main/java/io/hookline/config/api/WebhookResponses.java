package io.hookline.config.api;

import io.hookline.config.webhook.AssembledWebhook;
import io.hookline.contracts.crypto.SealedHeaders;
import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.contracts.webhook.WebhookConfig;
import jakarta.inject.Singleton;

/**
 * Turns a stored webhook into what the API shows, masking every secret. Header values, sealed at rest, are shown
 * opened: they are configuration the owner reads back, as before they were sealed.
 */
@Singleton
final class WebhookResponses {

    private final SecretCipher cipher;

    WebhookResponses(SecretCipher cipher) {
        this.cipher = cipher;
    }

    WebhookResponse of(WebhookConfig config) {
        return of(config, null);
    }

    WebhookResponse of(AssembledWebhook webhook) {
        return of(webhook.config(), webhook.revealedSigningSecret());
    }

    private WebhookResponse of(WebhookConfig config, String revealedSigningSecret) {
        String signingSecret = revealedSigningSecret != null ? revealedSigningSecret
                : config.signingSecrets().isEmpty() || config.signsWithEd25519() ? null : SecretCipher.MASK;
        return new WebhookResponse(config.id(), config.name(), config.isWebhookEnabled(), false, config.team(), null,
                config.data(), mask(config.username()), mask(config.password()), mask(config.authorizationHeader()),
                config.triggerTemplate(), SealedHeaders.openAll(config.headers(), cipher), config.url(), config.forwardAll(), config.httpMethod(),
                config.triggerType(), config.integrationFilter(), null, config.urls(), config.eventTypes(),
                config.filter(), config.description(), config.failureNotificationEmail(), signingSecret,
                config.signatureScheme(), config.signsWithEd25519() ? config.signingPublicKey() : null,
                config.maxRetries(), config.timeoutMs(), config.rateLimitPerSecond(), config.ordering().wireName(),
                config.version(), config.createdAt(), config.updatedAt(), config.disabledReason(),
                config.payloadFormat(), config.requestTemplate(), config.templateEngine(), config.publishResponses(),
                config.forwarding(), config.unsubscribeOn(), config.disableAfterFailing());
    }

    private static String mask(String secret) {
        return secret == null ? null : SecretCipher.MASK;
    }
}
