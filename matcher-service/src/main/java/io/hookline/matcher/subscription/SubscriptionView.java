package io.hookline.matcher.subscription;

import io.hookline.contracts.json.Json;
import io.hookline.contracts.subscription.Subscription;
import io.hookline.contracts.topic.Topic;
import io.hookline.contracts.topic.Topics;
import io.hookline.matcher.freshness.ConfigProgress;
import io.hookline.matcher.index.LenientJson;
import io.hookline.service.CompactedTopicView;
import io.hookline.service.KafkaComponent;
import io.hookline.service.KafkaConnection;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matcher's copy of {@code webhook-subscriptions}, feeding the {@link SubscriptionTable} on its own thread. It
 * tells a freshness gate of its own how far it has read, so that an event accepted after a {@code /trigger} was
 * acknowledged is matched with that trigger's subscription (CONTRACT.md section 8). An unreadable record counts as
 * no subscription.
 */
public final class SubscriptionView implements ConfigProgress, KafkaComponent, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionView.class);

    private final CompactedTopicView<Subscription> view;
    private final Duration requestTimeout;

    public SubscriptionView(KafkaConnection connection, String topicName, SubscriptionTable table,
                            Duration requestTimeout) {
        Topic<String, Subscription> topic = new Topic<>(topicName, Serdes.String(), Serdes.serdeFrom(
                Topics.WEBHOOK_SUBSCRIPTIONS.valueSerde().serializer(),
                LenientJson.deserializer(Subscription.class, LOG, "it counts as not subscribed until rewritten")));
        this.view = new CompactedTopicView<>("matcher-webhook-subscriptions", connection, topic);
        this.requestTimeout = requestTimeout;
        view.addListener(table::apply);
    }

    /** Returns once the topic's current content is in the table. */
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
    public String topics() {
        return "webhook-subscriptions";
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
