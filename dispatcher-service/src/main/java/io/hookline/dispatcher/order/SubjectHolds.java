package io.hookline.dispatcher.order;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.json.JsonSerde;
import io.hookline.contracts.topic.Topic;
import io.hookline.contracts.topic.Topics;
import io.hookline.dispatcher.config.DispatcherSettings;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-subject order holds of every ordered endpoint, kept on the compacted {@code dispatcher-subject-holds} topic
 * and read back by every dispatcher: whichever instance owns an endpoint after a restart or a rebalance still sees
 * that an earlier job of a subject waits for its retry, and keeps the later ones back. A write completes once this
 * instance's view has applied it, so what a lane decides next already sees it.
 */
@Singleton
public class SubjectHolds implements HoldStore, KafkaComponent, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SubjectHolds.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

    private record SubjectKey(String endpointKey, String subject) {
    }

    private final CompactedTopicView<SubjectHold> view;
    private final DeliveryProducer producer;
    private final String topicName;
    private final Duration timeout;
    private final Map<String, SubjectHold> byDelivery = new HashMap<>();
    private final Map<SubjectKey, NavigableMap<SubjectPosition, SubjectHold>> bySubject = new HashMap<>();
    /** Lanes continue on these threads, never on the view's: what they do next may block on Kafka. */
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dispatcher-holds");
        thread.setDaemon(true);
        return thread;
    });

    /** Takes the {@link TopicBootstrap} so that the topic exists before the view reads it. */
    public SubjectHolds(KafkaSettings kafka, KafkaConnection connection, TopicBootstrap topics,
                        DeliveryProducer producer, DispatcherSettings settings) {
        Topic<String, SubjectHold> topic = new Topic<>(
                Topics.DISPATCHER_SUBJECT_HOLDS.withPrefix(kafka.topicPrefix()).name(), Serdes.String(),
                new JsonSerde<>(SubjectHold.class));
        this.topicName = topic.name();
        this.producer = producer;
        this.timeout = settings.subjectHoldTimeout();
        this.view = new CompactedTopicView<>("subject-holds", connection, topic);
        view.addListener(this::applied);
        view.start(LOAD_TIMEOUT);
    }

    /**
     * The holds on earlier jobs of this job's subject at its endpoint. A hold overdue by more than the hold timeout
     * is left out: its release was lost, and the subject must not stall.
     */
    @Override
    public synchronized List<SubjectHold> heldBefore(DeliveryJob job, Instant now) {
        NavigableMap<SubjectPosition, SubjectHold> holds = bySubject.get(keyOf(job));
        if (holds == null) {
            return List.of();
        }
        SubjectPosition place = SubjectPosition.of(job);
        return holds.headMap(place, false).values().stream()
                .filter(hold -> hold.place().precedes(place))
                .filter(hold -> hold.dueAt().plus(timeout).isAfter(now))
                .toList();
    }

    public synchronized boolean isHeld(DeliveryJob job) {
        return byDelivery.containsKey(job.deliveryId());
    }

    public synchronized int size() {
        return byDelivery.size();
    }

    /** Records that {@code job} waits until {@code dueAt}; completes once this instance sees it. */
    @Override
    public CompletableFuture<Void> hold(DeliveryJob job, Instant dueAt) {
        return write(job.deliveryId(), Json.toBytes(SubjectHold.of(job, dueAt)));
    }

    /** Removes {@code job}'s hold, if it has one; completes once this instance sees it gone. */
    @Override
    public CompletableFuture<Void> release(DeliveryJob job) {
        if (!isHeld(job)) {
            return CompletableFuture.completedFuture(null);
        }
        return write(job.deliveryId(), null);
    }

    /** Deletes holds long past any use (their release was lost), so the topic does not keep them forever. */
    public void sweep(Instant now) {
        List<String> expired;
        synchronized (this) {
            expired = byDelivery.values().stream()
                    .filter(hold -> hold.dueAt().plus(timeout.multipliedBy(2)).isBefore(now))
                    .map(SubjectHold::deliveryId)
                    .toList();
        }
        for (String deliveryId : expired) {
            LOG.warn("Removing the hold of delivery {}: overdue by more than twice the hold timeout", deliveryId);
            write(deliveryId, null).whenComplete((ignored, error) -> {
                if (error != null) {
                    LOG.warn("Cannot remove the expired hold of delivery {}", deliveryId, error);
                }
            });
        }
    }

    private CompletableFuture<Void> write(String deliveryId, byte[] value) {
        return producer.sendRecord(topicName, deliveryId, value)
                .thenCompose(written -> view.whenApplied(written.partition(), written.offset()))
                .thenApplyAsync(applied -> null, callbacks);
    }

    private synchronized void applied(String deliveryId, SubjectHold hold) {
        SubjectHold previous = hold == null ? byDelivery.remove(deliveryId) : byDelivery.put(deliveryId, hold);
        if (previous != null) {
            SubjectKey key = keyOf(previous);
            NavigableMap<SubjectPosition, SubjectHold> holds = bySubject.get(key);
            if (holds != null) {
                holds.remove(previous.place());
                if (holds.isEmpty()) {
                    bySubject.remove(key);
                }
            }
        }
        if (hold != null) {
            bySubject.computeIfAbsent(keyOf(hold), key -> new TreeMap<>()).put(hold.place(), hold);
        }
    }

    private static SubjectKey keyOf(DeliveryJob job) {
        return new SubjectKey(job.endpointKey(), job.eventSubject());
    }

    private static SubjectKey keyOf(SubjectHold hold) {
        return new SubjectKey(hold.endpointKey(), hold.subject());
    }

    @Override
    public String componentName() {
        return view.componentName();
    }

    @Override
    public boolean isRunning() {
        return view.isRunning();
    }

    @PreDestroy
    @Override
    public void close() {
        view.close();
        callbacks.shutdown();
    }
}
