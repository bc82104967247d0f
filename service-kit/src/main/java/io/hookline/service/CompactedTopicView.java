package io.hookline.service;

import io.hookline.contracts.topic.Topic;
import io.hookline.service.store.StoreUnavailableException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's materialization of a compacted topic: every partition read from the beginning, without a consumer
 * group, into a map (a tombstone removes the key). {@link #awaitCaughtUp} gives read-your-writes: it waits until
 * everything written to the topic before the call, by any instance, is applied here.
 */
public final class CompactedTopicView<V> implements KafkaComponent, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CompactedTopicView.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration METADATA_BACKOFF = Duration.ofMillis(50);

    private final String name;
    private final Topic<String, V> topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Admin admin;
    private final AutoCloseable consumerMeters;
    private final AutoCloseable adminMeters;
    private final Map<String, V> entries = new ConcurrentHashMap<>();
    private final Map<Integer, Long> appliedUpTo = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, V>> listeners = new CopyOnWriteArrayList<>();
    private final Object progress = new Object();
    private final List<PendingApply> pendingApplies = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running;
    private volatile boolean loaded;
    private volatile boolean stopped;

    public CompactedTopicView(String name, KafkaConnection connection, Topic<String, V> topic) {
        this.name = name;
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(connection.clientConfig(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, name,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.admin = Admin.create(connection.clientConfig(Map.of(AdminClientConfig.CLIENT_ID_CONFIG, name + "-admin")));
        this.consumerMeters = connection.meters().bind(consumer);
        this.adminMeters = connection.meters().bind(admin);
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** Called on this view's thread for every applied record, with null for a tombstone. */
    public void addListener(BiConsumer<String, V> listener) {
        listeners.add(listener);
    }

    /** Starts reading and returns once the topic's current content is loaded. */
    public void start(Duration timeout) {
        running = true;
        thread.start();
        if (!awaitCaughtUp(timeout)) {
            throw new IllegalStateException(name + " could not load " + topic.name() + " within " + timeout);
        }
        loaded = true;
        LOG.info("{} loaded {} entries from {}", name, entries.size(), topic.name());
    }

    public Optional<V> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public Collection<V> values() {
        return entries.values();
    }

    public int size() {
        return entries.size();
    }

    /** Waits until every record written before this call is applied; false when the timeout passed first. */
    public boolean awaitCaughtUp(Duration timeout) {
        return awaitOffsets(endOffsets(timeout), timeout);
    }

    /**
     * The topic's committed end offsets by partition, read now (the last stable offsets, as a read_committed listing
     * gives them): what this view must reach, by {@link #awaitOffsets}, to hold every change committed before this
     * call. Open transactions are not waited for, and transaction markers count as read once passed. Fails with
     * {@link IllegalStateException} when Kafka does not answer in time.
     */
    public Map<Integer, Long> committedEndOffsets(Duration timeout) {
        return endOffsets(timeout, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED));
    }

    /**
     * {@link #awaitCaughtUp} for readers that must not answer from stale state: fails with
     * {@link StoreUnavailableException} (the caller may try again) when Kafka does not answer or the view lags.
     */
    public void catchUp(Duration timeout) {
        boolean caughtUp;
        try {
            caughtUp = awaitCaughtUp(timeout);
        } catch (IllegalStateException e) {
            throw new StoreUnavailableException("Kafka did not answer in time; try again", e);
        }
        if (!caughtUp) {
            throw new StoreUnavailableException(
                    "This instance has not yet read the latest changes of " + topic.name() + "; try again", null);
        }
    }

    /**
     * Completes once every record written before this call is applied here, without blocking the caller; on this
     * view's thread or the admin client's. Fails if the view stops first or Kafka cannot tell the topic's end.
     */
    public CompletableFuture<Void> whenCaughtUp() {
        if (stopped || !thread.isAlive()) {
            return CompletableFuture.failedFuture(new IllegalStateException(name + " has stopped"));
        }
        return admin.describeTopics(List.of(topic.name())).allTopicNames().toCompletionStage()
                .thenCompose(described -> admin.listOffsets(described.get(topic.name()).partitions().stream()
                        .collect(Collectors.toMap(info -> new TopicPartition(topic.name(), info.partition()),
                                info -> OffsetSpec.latest()))).all().toCompletionStage())
                .thenCompose(ends -> CompletableFuture.allOf(ends.entrySet().stream()
                        .filter(end -> end.getValue().offset() > 0)
                        .map(end -> whenApplied(end.getKey().partition(), end.getValue().offset() - 1))
                        .toArray(CompletableFuture[]::new)))
                .toCompletableFuture();
    }

    /** Waits until the record at {@code offset} of {@code partition} is applied; false on timeout. */
    public boolean awaitApplied(int partition, long offset, Duration timeout) {
        return awaitOffsets(Map.of(partition, offset + 1), timeout);
    }

    /**
     * Completes once the record at {@code offset} of {@code partition} is applied, on this view's thread; for callers
     * that must not block. Fails if the view stops first.
     */
    public CompletableFuture<Void> whenApplied(int partition, long offset) {
        PendingApply pending = new PendingApply(partition, offset + 1, new CompletableFuture<>());
        pendingApplies.add(pending);
        if (stopped) {
            failPending();
        }
        completeReached();
        return pending.applied();
    }

    private void completeReached() {
        for (PendingApply pending : pendingApplies) {
            if (appliedUpTo.getOrDefault(pending.partition(), 0L) >= pending.nextOffset()
                    && pendingApplies.remove(pending)) {
                pending.applied().complete(null);
            }
        }
    }

    private void failPending() {
        for (PendingApply pending : pendingApplies) {
            if (pendingApplies.remove(pending)) {
                pending.applied().completeExceptionally(new IllegalStateException(name + " has stopped"));
            }
        }
    }

    /**
     * Waits until this view's position in every partition of {@code targets} is at least the target offset (the
     * offset after the last record to apply); false on timeout, or at once when the view has stopped.
     */
    public boolean awaitOffsets(Map<Integer, Long> targets, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (!reached(targets)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !thread.isAlive()) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private boolean reached(Map<Integer, Long> targets) {
        return targets.entrySet().stream()
                .allMatch(target -> appliedUpTo.getOrDefault(target.getKey(), 0L) >= target.getValue());
    }

    /** A topic created a moment ago may not be known to the broker yet: asked again until the timeout. */
    private Map<Integer, Long> endOffsets(Duration timeout) {
        return endOffsets(timeout, new ListOffsetsOptions());
    }

    private Map<Integer, Long> endOffsets(Duration timeout, ListOffsetsOptions options) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return endOffsetsOnce(timeout, options);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Cannot read the end offsets of " + topic.name(), e);
                }
                pause();
            } catch (TimeoutException e) {
                throw new IllegalStateException("Cannot read the end offsets of " + topic.name(), e);
            }
        }
    }

    private Map<Integer, Long> endOffsetsOnce(Duration timeout, ListOffsetsOptions options)
            throws ExecutionException, TimeoutException {
        try {
            var partitions = admin.describeTopics(List.of(topic.name())).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic.name()).partitions();
            Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(
                    info -> new TopicPartition(topic.name(), info.partition()), info -> OffsetSpec.latest()));
            return admin.listOffsets(request, options).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .entrySet().stream()
                    .collect(Collectors.toMap(entry -> entry.getKey().partition(), entry -> entry.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the end of " + topic.name(), e);
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(METADATA_BACKOFF.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for topic metadata", e);
        }
    }

    /** The topic's partitions, once the broker knows them: right after its creation it may not yet. */
    private List<TopicPartition> partitions() {
        while (running) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            pause();
        }
        return List.of();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = partitions();
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                var records = consumer.poll(POLL);
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    apply(record);
                }
                for (TopicPartition partition : partitions) {
                    appliedUpTo.put(partition.partition(), consumer.position(partition));
                }
                synchronized (progress) {
                    progress.notifyAll();
                }
                completeReached();
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("{} woken up while running", name, e);
            }
        } catch (RuntimeException e) {
            LOG.error("{} stopped reading {}", name, topic.name(), e);
        } finally {
            KafkaClientMeters.close(consumerMeters);
            consumer.close();
            stopped = true;
            failPending();
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        String key = record.key() == null ? null
                : topic.keySerde().deserializer().deserialize(record.topic(), record.key());
        if (key == null) {
            LOG.warn("{} skipped a record without key at {}-{}@{}", name, record.topic(), record.partition(),
                    record.offset());
            return;
        }
        V value;
        try {
            value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            LOG.error("{} skipped an unreadable record for key {} at {}-{}@{}", name, key, record.topic(),
                    record.partition(), record.offset(), e);
            return;
        }
        if (value == null) {
            entries.remove(key);
        } else {
            entries.put(key, value);
        }
        for (BiConsumer<String, V> listener : listeners) {
            listener.accept(key, value);
        }
    }

    private record PendingApply(int partition, long nextOffset, CompletableFuture<Void> applied) {
    }

    @Override
    public String componentName() {
        return name;
    }

    @Override
    public boolean isRunning() {
        return loaded && thread.isAlive();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        KafkaClientMeters.close(adminMeters);
        admin.close(Duration.ofSeconds(5));
    }
}
