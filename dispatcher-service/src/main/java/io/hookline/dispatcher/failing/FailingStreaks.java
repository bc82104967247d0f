package io.hookline.dispatcher.failing;

import io.hookline.contracts.json.Json;
import io.hookline.contracts.json.JsonSerde;
import io.hookline.contracts.topic.Topic;
import io.hookline.contracts.topic.Topics;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The {@link FailingStreak} of every webhook with {@code disable_after_failing}, kept on the compacted
 * {@code dispatcher-failing-since} topic. Why there and not in memory or in log-service: a webhook's URLs are
 * different endpoint keys, so their lanes run on different partitions and often on different instances, and a
 * restarted instance must not start the clock over. Every instance reads the whole topic (like the mail log), so a
 * success on one URL resets the clock that a failure on another instance started. Only changes are written: the first
 * failure of a streak and the success that ends it, never one record per attempt. What this instance wrote is kept
 * here too until its view reads it back, so its own next outcome never works from an older state; two instances
 * writing within the same few milliseconds may overwrite each other, which at worst moves the streak's start by as
 * much.
 */
@Singleton
public class FailingStreaks implements KafkaComponent, AutoCloseable {

    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

    private final CompactedTopicView<FailingStreak> streaks;
    private final Map<String, FailingStreak> writtenHere = new ConcurrentHashMap<>();
    private final DeliveryProducer producer;
    private final String topicName;

    /** Takes the {@link TopicBootstrap} so that the topic exists before the view reads it. */
    public FailingStreaks(KafkaSettings kafka, KafkaConnection connection, TopicBootstrap topics,
                          DeliveryProducer producer) {
        this.producer = producer;
        Topic<String, FailingStreak> topic = new Topic<>(
                Topics.DISPATCHER_FAILING_SINCE.withPrefix(kafka.topicPrefix()).name(), Serdes.String(),
                new JsonSerde<>(FailingStreak.class));
        this.topicName = topic.name();
        this.streaks = new CompactedTopicView<>("failing-since", connection, topic);
        streaks.addListener((webhookId, streak) -> {
            if (streak != null) {
                writtenHere.remove(webhookId, streak);
            }
        });
        streaks.start(LOAD_TIMEOUT);
    }

    /** Records a failed attempt; completes with the streak as it now is, once any change is acknowledged. */
    public CompletableFuture<FailingStreak> failed(String webhookId, Instant at) {
        return update(webhookId, current -> current.afterFailure(at));
    }

    /** Records a successful attempt; writes only when it ends a streak. */
    public CompletableFuture<FailingStreak> succeeded(String webhookId, Instant at) {
        return update(webhookId, current -> current.afterSuccess(at));
    }

    public FailingStreak current(String webhookId) {
        FailingStreak mine = writtenHere.get(webhookId);
        return mine != null ? mine : streaks.get(webhookId).orElse(FailingStreak.none(webhookId));
    }

    private CompletableFuture<FailingStreak> update(String webhookId,
                                                    UnaryOperator<FailingStreak> change) {
        FailingStreak next;
        synchronized (this) {
            FailingStreak current = current(webhookId);
            next = change.apply(current);
            if (next.equals(current) || (!next.isFailing() && !current.isFailing())) {
                // A success of a webhook that was not failing is not worth a record: nothing to reset.
                return CompletableFuture.completedFuture(current);
            }
            writtenHere.put(webhookId, next);
        }
        return producer.send(topicName, webhookId, Json.toBytes(next))
                .whenComplete((written, error) -> {
                    if (error != null) {
                        writtenHere.remove(webhookId, next);
                    }
                })
                .thenApply(written -> next);
    }

    @Override
    public String componentName() {
        return streaks.componentName();
    }

    @Override
    public boolean isRunning() {
        return streaks.isRunning();
    }

    @PreDestroy
    @Override
    public void close() {
        streaks.close();
    }
}
