package io.hookline.matcher.topology;

import io.hookline.contracts.json.Json;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.matcher.index.WebhookIndex;
import io.hookline.rules.match.WebhookCompiler;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global {@code webhook-config} store and the in-memory {@link WebhookIndex} in step. A global store's
 * restore writes straight into the store without passing records through here, so {@link #init} rebuilds the index
 * from the restored store; afterwards every new record (a tombstone deletes) updates both. A config is compiled once
 * per id and version.
 */
final class WebhookConfigUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookConfigUpdater.class);

    private final String storeName;
    private final WebhookIndex index;
    private final WebhookCompiler compiler;
    private KeyValueStore<String, byte[]> store;

    WebhookConfigUpdater(String storeName, WebhookIndex index, WebhookCompiler compiler) {
        this.storeName = storeName;
        this.index = index;
        this.compiler = compiler;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
        index.clear();
        int loaded = 0;
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                if (apply(entry.key, entry.value)) {
                    loaded++;
                }
            }
        }
        LOG.info("Webhook index rebuilt from {}: {} webhooks", storeName, loaded);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            LOG.warn("Ignored a webhook-config record without key");
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        apply(record.key(), record.value());
    }

    private boolean apply(String id, byte[] value) {
        if (value == null) {
            index.remove(id);
            return false;
        }
        WebhookConfig config;
        try {
            config = Json.fromBytes(value, WebhookConfig.class);
        } catch (RuntimeException e) {
            LOG.error("Webhook {} has an unreadable config on webhook-config; it is not matched until rewritten", id, e);
            index.remove(id);
            return false;
        }
        if (!id.equals(config.id())) {
            LOG.error("Webhook-config record keyed {} holds webhook {}; ignored", id, config.id());
            index.remove(id);
            return false;
        }
        if (index.get(id, config.version()).isEmpty()) {
            index.put(compiler.compile(config));
        }
        return true;
    }
}
