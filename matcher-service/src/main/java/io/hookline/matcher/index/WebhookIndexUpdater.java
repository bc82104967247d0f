package io.hookline.matcher.index;

import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.rules.match.WebhookCompiler;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one {@code webhook-config} record to the {@link WebhookIndex}: a config replaces the webhook (compiled once
 * per id and version), null (a tombstone, or a record that could not be read) removes it.
 */
public final class WebhookIndexUpdater implements BiConsumer<String, WebhookConfig> {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookIndexUpdater.class);

    private final WebhookIndex index;
    private final WebhookCompiler compiler;

    public WebhookIndexUpdater(WebhookIndex index, WebhookCompiler compiler) {
        this.index = index;
        this.compiler = compiler;
    }

    @Override
    public void accept(String id, WebhookConfig config) {
        if (config == null) {
            index.remove(id);
            return;
        }
        if (!id.equals(config.id())) {
            LOG.error("Webhook-config record keyed {} holds webhook {}; ignored", id, config.id());
            index.remove(id);
            return;
        }
        if (index.get(id, config.version()).isEmpty()) {
            index.put(compiler.compile(config));
        }
    }
}
