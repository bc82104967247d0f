package io.hookline.dispatcher.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.store.ConfigWriter;
import io.hookline.service.store.WritePlan;
import io.hookline.service.webhook.WebhookDirectory;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a webhook back to {@code webhook-config} disabled, with its reason and the next version, so config-service
 * serves it disabled and every dispatcher stops sending to it: when its endpoint answered 410 Gone, or when every
 * attempt failed for its {@code disable_after_failing}. The write goes through config-service's compare-and-set
 * ({@link ConfigWriter}) on the webhook as it is at that moment: an operator's change made at the same time is kept,
 * and a webhook that no longer lists the gone URL stays enabled.
 */
@Singleton
public class WebhookDisabler {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDisabler.class);

    private final ConfigWriter writer;
    private final WebhookDirectory webhooks;

    public WebhookDisabler(ConfigWriter writer, WebhookDirectory webhooks) {
        this.writer = writer;
        this.webhooks = webhooks;
    }

    /**
     * Disables the webhook if it still exists, is enabled and lists {@code goneUrl}. Never blocks the caller; the
     * future holds the webhook as written, or nothing when there was nothing to disable.
     */
    public CompletableFuture<Optional<WebhookConfig>> disable(String webhookId, String goneUrl, String reason,
                                                               Instant now) {
        return disable(webhookId, current -> whyUnchanged(current, goneUrl), goneUrl + " answered 410 Gone", reason,
                now);
    }

    /**
     * Disables the webhook unless {@code whyNot}, given the webhook as it is now (empty when deleted), says why it must
     * stay as it is. {@code cause} only goes into the log line of a webhook left unchanged.
     */
    public CompletableFuture<Optional<WebhookConfig>> disable(
            String webhookId, Function<Optional<WebhookConfig>, Optional<String>> whyNot, String cause, String reason,
            Instant now) {
        return writer.writeAsync(() -> {
            webhooks.catchUp();
            Optional<WebhookConfig> current = webhooks.find(webhookId);
            Optional<String> unchanged = whyNot.apply(current);
            if (unchanged.isPresent()) {
                LOG.info("Not disabling webhook {} although {}: {}", webhookId, cause, unchanged.get());
                return WritePlan.nothing(Optional.empty());
            }
            ObjectNode disabled = disabled(current.get(), reason, now);
            return WritePlan.of(webhooks.put(webhookId, disabled),
                    Optional.of(Json.MAPPER.convertValue(disabled, WebhookConfig.class)));
        });
    }

    private static Optional<String> whyUnchanged(Optional<WebhookConfig> current, String goneUrl) {
        if (current.isEmpty()) {
            return Optional.of("it was deleted");
        }
        if (!current.get().isWebhookEnabled()) {
            return Optional.of("it is already disabled");
        }
        if (!current.get().sendsTo(goneUrl)) {
            return Optional.of("the URL was removed from it");
        }
        return Optional.empty();
    }

    /** The same webhook, disabled. Edited as JSON so that every other field, known or added later, stays as it was. */
    static ObjectNode disabled(WebhookConfig webhook, String reason, Instant now) {
        ObjectNode node = Json.MAPPER.valueToTree(webhook);
        node.put("is_webhook_enabled", false);
        node.put("disabled_reason", reason);
        node.put("version", webhook.version() + 1);
        node.put("updated_at", now.toString());
        return node;
    }
}
