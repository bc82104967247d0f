package io.hookline.log.api;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.log.store.LogStoreView;
import io.hookline.log.topology.WebhookState;
import io.hookline.service.webhook.WebhookDirectory;
import io.hookline.service.auth.Caller;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Whether a caller may see a webhook's log: the webhook's tenant comes from its current config, or, once deleted,
 * from its logged attempts. Another tenant's webhook looks exactly like a missing one (404).
 */
@Singleton
final class WebhookAccess {

    private final WebhookDirectory directory;

    WebhookAccess(WebhookDirectory directory) {
        this.directory = directory;
    }

    void requireVisible(String webhookId, Caller caller, LogStoreView view) {
        Optional<String> tenant = directory.find(webhookId).map(WebhookConfig::tenant)
                .or(() -> view.state(webhookId).map(WebhookState::tenant));
        if (tenant.isEmpty() || !tenant.get().equals(caller.tenant())) {
            throw ProblemException.notFound("No webhook " + webhookId);
        }
    }

    static boolean visible(DeliveryAttempt attempt, Caller caller) {
        String tenant = attempt.tenant() == null ? WebhookConfig.DEFAULT_TENANT : attempt.tenant();
        return tenant.equals(caller.tenant());
    }
}
