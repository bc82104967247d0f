package io.hookline.matcher.topology;

import static io.hookline.matcher.topology.TestWebhooks.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.json.Json;
import io.hookline.matcher.index.WebhookIndex;
import io.hookline.rules.match.CompiledWebhook;
import io.hookline.rules.match.WebhookCompiler;
import io.hookline.rules.template.TemplateEngine;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A global store is restored without its processor: the index must be rebuilt from what the store holds. */
class WebhookConfigUpdaterTest {

    private final WebhookIndex index = new WebhookIndex();
    private final MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
    private KeyValueStore<String, byte[]> store;
    private WebhookConfigUpdater updater;

    @BeforeEach
    void setUp() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(MatcherTopology.CONFIG_STORE),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        updater = new WebhookConfigUpdater(MatcherTopology.CONFIG_STORE, index, new WebhookCompiler(new TemplateEngine()));
    }

    @Test
    void shouldRebuildTheIndexFromARestoredStoreOnInit() {
        // Given a store restored from webhook-config (restore bypasses the processor), one entry unreadable
        store.put("wh-1", Json.toBytes(webhook("wh-1").eventTypes("incident.triggered").build()));
        store.put("wh-2", Json.toBytes(webhook("wh-2").tenant("other").build()));
        store.put("wh-bad", "{not json".getBytes());

        // When
        updater.init(context);

        // Then
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.candidates("acme", "incident.triggered")).extracting(CompiledWebhook::id).containsExactly("wh-1");
        assertThat(index.candidates("other", "anything")).extracting(CompiledWebhook::id).containsExactly("wh-2");
    }

    @Test
    void shouldUpdateStoreAndIndexAndReuseTheCompiledVersion() {
        updater.init(context);
        updater.process(new Record<>("wh-1", Json.toBytes(webhook("wh-1").build()), 0L));
        CompiledWebhook first = index.get("wh-1", 1).orElseThrow();

        updater.process(new Record<>("wh-1", Json.toBytes(webhook("wh-1").build()), 1L));
        assertThat(index.get("wh-1", 1)).containsSame(first);

        updater.process(new Record<>("wh-1", Json.toBytes(webhook("wh-1").version(2).build()), 2L));
        assertThat(index.get("wh-1", 2)).isPresent();
        assertThat(store.get("wh-1")).isNotNull();

        updater.process(new Record<>("wh-1", null, 3L));
        assertThat(index.size()).isZero();
        assertThat(store.get("wh-1")).isNull();
    }

    @Test
    void shouldIgnoreARecordWhoseKeyIsNotItsWebhookId() {
        updater.init(context);

        updater.process(new Record<>("wh-1", Json.toBytes(webhook("wh-other").build()), 0L));

        assertThat(index.size()).isZero();
    }
}
