package io.hookline.dispatcher.notify;

import io.hookline.contracts.json.Json;
import io.hookline.contracts.json.JsonSerde;
import io.hookline.contracts.topic.Topic;
import io.hookline.contracts.topic.Topics;
import io.hookline.dispatcher.config.SmtpSettings;
import io.hookline.dispatcher.delivery.DeliveryProducer;
import io.hookline.service.CompactedTopicView;
import io.hookline.service.KafkaComponent;
import io.hookline.service.KafkaConnection;
import io.hookline.service.KafkaSettings;
import io.hookline.service.TopicBootstrap;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most one mail per webhook within an interval, so an outage does not flood the owner's inbox. When a mail went
 * out is kept on the compacted {@code dispatcher-mail-log} topic, so the limit holds across restarts and across
 * instances (two instances deciding within the same few milliseconds may both send).
 */
@Singleton
public class MailThrottle implements KafkaComponent, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailThrottle.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

    private final Duration interval;
    private final CompactedTopicView<MailSent> sent;
    private final Map<String, Instant> sentHere = new ConcurrentHashMap<>();
    private final DeliveryProducer producer;
    private final String topicName;

    /** Takes the {@link TopicBootstrap} so that the topic exists before the view reads it. */
    public MailThrottle(KafkaSettings kafka, KafkaConnection connection, TopicBootstrap topics,
                        SmtpSettings settings, DeliveryProducer producer) {
        this.interval = settings.minInterval();
        this.producer = producer;
        Topic<String, MailSent> topic = new Topic<>(Topics.DISPATCHER_MAIL_LOG.withPrefix(kafka.topicPrefix()).name(),
                Serdes.String(), new JsonSerde<>(MailSent.class));
        this.topicName = topic.name();
        this.sent = new CompactedTopicView<>("mail-log", connection, topic);
        sent.start(LOAD_TIMEOUT);
    }

    /** True, and the slot taken, when this webhook may be mailed now. */
    public synchronized boolean tryAcquire(String webhookId, Instant now) {
        Optional<Instant> last = lastSent(webhookId);
        if (last.isPresent() && now.isBefore(last.get().plus(interval))) {
            return false;
        }
        sentHere.put(webhookId, now);
        producer.send(topicName, webhookId, Json.toBytes(new MailSent(webhookId, now)))
                .whenComplete((ignored, error) -> {
                    if (error != null) {
                        LOG.warn("Cannot record the failure mail about webhook {}; only this instance knows", webhookId,
                                error);
                    }
                });
        return true;
    }

    private Optional<Instant> lastSent(String webhookId) {
        Instant here = sentHere.get(webhookId);
        Instant anywhere = sent.get(webhookId).map(MailSent::sentAt).orElse(null);
        if (here == null || anywhere == null) {
            return Optional.ofNullable(here == null ? anywhere : here);
        }
        return Optional.of(here.isAfter(anywhere) ? here : anywhere);
    }

    @Override
    public String componentName() {
        return sent.componentName();
    }

    @Override
    public boolean isRunning() {
        return sent.isRunning();
    }

    @PreDestroy
    @Override
    public void close() {
        sent.close();
    }
}
