package io.hookline.matcher.index;

import io.hookline.contracts.json.Json;
import io.hookline.contracts.json.JsonSerde;
import io.hookline.contracts.topic.Topic;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.matcher.freshness.ConfigProgress;
import io.hookline.service.CompactedTopicView;
import io.hookline.service.KafkaConnection;
import io.hookline.service.KafkaComponent;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matcher's copy of {@code webhook-config}: a read_committed view that feeds the {@link WebhookIndex} on its own
 * thread, and tells the freshness gate how far it has read. A record that cannot be read counts as a removal (the
 * webhook is not matched until rewritten) rather than leaving an older version in force.
 */
public final class WebhookConfigView implements ConfigProgress, KafkaComponent, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookConfigView.class);

    private final CompactedTopicView<WebhookConfig> view;
    private final Duration requestTimeout;

    /**
     * {@code updater} ({@link WebhookIndexUpdater}) runs on the view's thread for every record; if it throws, the view
     * stops and reports itself not running.
     */
    public WebhookConfigView(KafkaConnection connection, String topicName, BiConsumer<String, WebhookConfig> updater,
                             Duration requestTimeout) {
        Topic<String, WebhookConfig> topic = new Topic<>(topicName, Serdes.String(),
                Serdes.serdeFrom(new JsonSerde<>(WebhookConfig.class).serializer(),
                        LenientJson.deserializer(WebhookConfig.class, LOG, "the webhook is not matched until rewritten")));
        this.view = new CompactedTopicView<>("matcher-webhook-config", connection, topic);
        this.requestTimeout = requestTimeout;
        view.addListener(updater);
    }

    /** Returns once the topic's current content is in the index. */
    public void start(Duration timeout) {
        view.start(timeout);
    }

    @Override
    public Map<Integer, Long> committedEndOffsets() {
        return view.committedEndOffsets(requestTimeout);
    }

    @Override
    public boolean awaitApplied(Map<Integer, Long> offsets, Duration timeout) {
        return view.awaitOffsets(offsets, timeout);
    }

    @Override
    public boolean isReading() {
        return view.isRunning();
    }

    @Override
    public String componentName() {
        return view.componentName();
    }

    @Override
    public boolean isRunning() {
        return view.isRunning();
    }

    @Override
    public void close() {
        view.close();
    }
}
