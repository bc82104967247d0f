package io.hookline.dispatcher.consumer;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
import io.hookline.dispatcher.config.DispatcherSettings;
import io.hookline.dispatcher.delivery.DeliveryTopics;
import io.hookline.dispatcher.endpoint.EndpointLanes;
import io.hookline.dispatcher.metrics.DispatcherMetrics;
import io.hookline.dispatcher.order.SubjectHolds;
import io.hookline.service.webhook.WebhookDirectory;
import io.hookline.service.KafkaComponent;
import io.hookline.service.KafkaClientMeters;
import io.hookline.service.KafkaConnection;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code webhook-deliveries} and every retry tier with one consumer and never waits on an endpoint: each job is
 * handed to its endpoint's lane and the loop goes on. Offsets are committed only below the lowest unfinished job of a
 * partition, so a crash repeats work but never loses it. Too much unfinished work pauses all partitions; a retry
 * partition whose next job is not due yet is paused until it is.
 */
@Context
public class DeliveryConsumer implements KafkaComponent, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryConsumer.class);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int FETCH_MAX_WAIT_MS = 20;
    /** With a partition paused, how long the loop waits for finished jobs between polls that return at once. */
    private static final long PAUSED_WAIT_MILLIS = 5;


    private final KafkaConsumer<String, byte[]> consumer;
    private final AutoCloseable consumerMeters;
    private final EndpointLanes lanes;
    private final UnreadableJobs unreadable;
    private final DeliveryTopics topics;
    private final DispatcherSettings settings;
    private final BlockingQueue<OffsetLease> completions = new LinkedBlockingQueue<>();
    private final Map<TopicPartition, PartitionOffsets> offsets = new HashMap<>();
    private final Map<TopicPartition, Instant> notDueUntil = new HashMap<>();
    /** Partitions resting until the endpoint lane (by endpoint key) that their next jobs all go to has room. */
    private final Map<TopicPartition, String> awaitingLane = new HashMap<>();
    private final List<KafkaComponent> views;
    private final DispatcherMetrics metrics;
    private volatile Set<TopicPartition> assignment = Set.of();
    private final Thread thread;
    private volatile boolean running;
    private volatile boolean commitOnStop = true;
    private boolean backPressured;
    private long lastCommitNanos;

    /** The views a job's fate depends on: loaded before the first job is read, and consumption stops without them. */
    public DeliveryConsumer(KafkaConnection connection, DispatcherSettings settings, DeliveryTopics topics,
                            EndpointLanes lanes, UnreadableJobs unreadable, WebhookDirectory webhooks,
                            SubjectHolds holds, DispatcherMetrics metrics) {
        this.settings = settings;
        this.unreadable = unreadable;
        this.views = List.of(webhooks, holds);
        this.topics = topics;
        this.lanes = lanes;
        this.metrics = metrics;
        this.consumer = new KafkaConsumer<>(config(connection, settings), new StringDeserializer(),
                new ByteArrayDeserializer());
        this.consumerMeters = connection.meters().bind(consumer);
        this.thread = new Thread(this::run, "dispatcher-consumer");
    }

    /**
     * Range assignment gives one instance the same partition of every delivery topic: all jobs of an endpoint (main
     * topic and retry tiers) meet in one place, which per-endpoint limits rely on. The consumer group protocol
     * (KIP-848) does it on the broker and moves only the partitions that change owner; the classic protocol's range
     * assignment is eager: every rebalance revokes every partition of every instance first.
     */
    static Map<String, Object> config(KafkaConnection connection, DispatcherSettings settings) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(),
                ConsumerConfig.CLIENT_ID_CONFIG, "dispatcher-" + settings.groupId(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                // A fetch for the partitions still read is held by the broker until data comes or this passes, and a
                // partition resumed meanwhile is fetched only after it: the default (500 ms) stalled every resume.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS));
        if (DispatcherSettings.CLASSIC_PROTOCOL.equals(settings.groupProtocol())) {
            config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
            config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        } else {
            config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
            config.put(ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG, "range");
        }
        return connection.clientConfig(config);
    }

    @PostConstruct
    void start() {
        running = true;
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(topics.consumed(), new Rebalance());
            while (running) {
                if (!viewsRunning()) {
                    // Jobs taken now could not be decided; the group's other instances take the partitions over.
                    LOG.error("A view the dispatcher decides by has stopped: no more jobs are taken here");
                    break;
                }
                var records = poll();
                applyCompletions();
                for (TopicPartition partition : records.partitions()) {
                    take(partition, records.records(partition));
                }
                applyCompletions();
                updatePauses();
                commitIfDue(false);
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("Delivery consumer woken up while running", e);
            }
        } catch (RuntimeException e) {
            LOG.error("Delivery consumer stopped", e);
        } finally {
            running = false;
            if (commitOnStop) {
                commitFinished();
            }
            giveUpEverything();
            KafkaClientMeters.close(consumerMeters);
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    /**
     * The consumer keeps what it fetched for a paused partition and its poll returns at once while it holds any:
     * a poll with a timeout would spin for the whole timeout. With a partition paused, poll without one and wait for
     * finished jobs instead, all the poll interval when every partition is paused, briefly when some still read.
     */
    private ConsumerRecords<String, byte[]> poll() {
        if (consumer.paused().isEmpty()) {
            return consumer.poll(POLL);
        }
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ZERO);
        if (records.isEmpty()) {
            awaitCompletion(backPressured ? POLL.toMillis() : PAUSED_WAIT_MILLIS);
        }
        return records;
    }

    private void awaitCompletion(long millis) {
        try {
            OffsetLease finished = completions.poll(millis, TimeUnit.MILLISECONDS);
            if (finished != null) {
                finished.apply();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Once this consumer stops, its partitions are someone else's: nothing it took is sent or retried any more. */
    private void giveUpEverything() {
        offsets.values().forEach(PartitionOffsets::revoke);
        int dropped = lanes.dropRevoked();
        if (dropped > 0) {
            LOG.info("Dropped {} waiting jobs on stopping; the next owner of their partitions sends them", dropped);
        }
    }

    private boolean viewsRunning() {
        return views.stream().allMatch(KafkaComponent::isRunning);
    }

    private void commitFinished() {
        try {
            applyCompletions();
            commitIfDue(true);
        } catch (WakeupException e) {
            // close() woke the consumer while it was committing: try once more, wakeups fire only once.
            commitIfDue(true);
        } catch (RuntimeException e) {
            LOG.warn("Last offset commit failed; unfinished work is read again by the next owner", e);
        }
    }

    private void take(TopicPartition partition, List<ConsumerRecord<String, byte[]>> records) {
        PartitionOffsets tracked = offsets.get(partition);
        if (tracked == null) {
            return;
        }
        Instant now = Instant.now();
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, byte[]> record = records.get(index);
            if (lanes.fullButDraining(record.key()) && onlyFor(record.key(), records, index)) {
                // A burst for one endpoint: its jobs wait in Kafka for the moments it takes the lane to free a place,
                // instead of a round trip through a retry topic. Jobs of other endpoints behind them are not held.
                consumer.seek(partition, record.offset());
                awaitingLane.put(partition, record.key());
                return;
            }
            DeliveryJob job;
            try {
                job = parse(record);
            } catch (RuntimeException e) {
                divert(tracked, record, e);
                continue;
            }
            if (job.dueAt() != null && job.dueAt().isAfter(now)) {
                // Read it again when it is due; the partition rests until then.
                consumer.seek(partition, record.offset());
                notDueUntil.put(partition, job.dueAt());
                return;
            }
            tracked.started(record.offset());
            lanes.submit(job, new OffsetLease(tracked, record.offset(), completions));
        }
    }

    /** Whether every job fetched from {@code from} on is for the endpoint {@code key}. */
    private static boolean onlyFor(String key, List<ConsumerRecord<String, byte[]>> records, int from) {
        for (int index = from + 1; index < records.size(); index++) {
            if (!key.equals(records.get(index).key())) {
                return false;
            }
        }
        return true;
    }

    private static DeliveryJob parse(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new IllegalArgumentException("empty record: a delivery job has a value");
        }
        return Json.fromBytes(record.value(), DeliveryJob.class);
    }

    /** The record counts as finished only once it is on the dead-letter topic: nothing is committed past it before. */
    private void divert(PartitionOffsets tracked, ConsumerRecord<String, byte[]> record, RuntimeException error) {
        long offset = record.offset();
        tracked.started(offset);
        OffsetLease lease = new OffsetLease(tracked, offset, completions);
        unreadable.divert(record, reasonOf(error), lease::revoked).whenComplete((ignored, failed) -> {
            if (failed == null) {
                lease.finished();
            } else {
                LOG.info("Unreadable job at {}-{}@{} stays unfinished: {}", record.topic(), record.partition(),
                        offset, failed.toString());
            }
        });
    }

    /** Every message of the cause chain: the parser's own, with line and column, is the useful one. */
    private static String reasonOf(Throwable error) {
        StringBuilder reason = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (reason.indexOf(message) < 0) {
                reason.append(reason.isEmpty() ? "" : ": ").append(message);
            }
        }
        return reason.toString();
    }

    private void applyCompletions() {
        OffsetLease finished;
        while ((finished = completions.poll()) != null) {
            finished.apply();
        }
    }

    private void updatePauses() {
        int unfinished = offsets.values().stream().mapToInt(PartitionOffsets::unfinishedCount).sum();
        if (!backPressured && unfinished >= settings.maxInFlight()) {
            backPressured = true;
            LOG.warn("{} jobs unfinished: pausing consumption", unfinished);
        } else if (backPressured && unfinished <= settings.maxInFlight() * 3 / 4) {
            backPressured = false;
            LOG.info("{} jobs unfinished: resuming consumption", unfinished);
        }
        Instant now = Instant.now();
        notDueUntil.values().removeIf(due -> !due.isAfter(now));
        awaitingLane.values().removeIf(endpoint -> !lanes.halfFullAndDraining(endpoint));
        Set<TopicPartition> assigned = consumer.assignment();
        Set<TopicPartition> wanted = new HashSet<>(backPressured ? assigned : notDueUntil.keySet());
        wanted.addAll(awaitingLane.keySet());
        wanted.retainAll(assigned);
        Set<TopicPartition> paused = consumer.paused();
        Set<TopicPartition> toPause = new HashSet<>(wanted);
        toPause.removeAll(paused);
        Set<TopicPartition> toResume = new HashSet<>(paused);
        toResume.removeAll(wanted);
        if (!toPause.isEmpty()) {
            consumer.pause(toPause);
        }
        if (!toResume.isEmpty()) {
            consumer.resume(toResume);
        }
    }

    private void commitIfDue(boolean now) {
        long elapsed = System.nanoTime() - lastCommitNanos;
        if (!now && elapsed < settings.commitInterval().toNanos()) {
            return;
        }
        lastCommitNanos = System.nanoTime();
        Map<TopicPartition, OffsetAndMetadata> commits = committable(offsets.keySet());
        if (commits.isEmpty()) {
            return;
        }
        if (now) {
            consumer.commitSync(commits);
            markCommitted(commits);
        } else {
            consumer.commitAsync(commits, (done, error) -> {
                if (error == null) {
                    markCommitted(done);
                } else {
                    LOG.warn("Offset commit failed; the next one covers it", error);
                }
            });
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        for (TopicPartition partition : partitions) {
            PartitionOffsets tracked = offsets.get(partition);
            if (tracked != null) {
                tracked.toCommit().ifPresent(offset -> commits.put(partition, new OffsetAndMetadata(offset)));
            }
        }
        return commits;
    }

    private void markCommitted(Map<TopicPartition, OffsetAndMetadata> commits) {
        commits.forEach((partition, offset) -> {
            PartitionOffsets tracked = offsets.get(partition);
            if (tracked != null) {
                tracked.committed(offset.offset());
            }
        });
    }

    /** The partitions this instance owns now. */
    public Set<TopicPartition> assignment() {
        return assignment;
    }

    @Override
    public String componentName() {
        return "dispatcher-consumer";
    }

    @Override
    public boolean isRunning() {
        return running && thread.isAlive();
    }

    /** Stops as a crash would: nothing more is committed, so unfinished jobs are read again by the next owner. */
    public void halt() {
        commitOnStop = false;
        close();
    }

    @PreDestroy
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(15).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        /**
         * The partitions' waiting jobs are dropped and their in-flight ones go no further than their attempt: the new
         * owner reads every unfinished job again. What is finished is committed first.
         */
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            revoke(partitions);
            applyCompletions();
            Map<TopicPartition, OffsetAndMetadata> commits = committable(partitions);
            try {
                // A halted consumer stands for a crashed one, which commits nothing more.
                if (!commits.isEmpty() && commitOnStop) {
                    consumer.commitSync(commits);
                }
            } catch (RuntimeException e) {
                LOG.warn("Cannot commit the finished jobs of revoked partitions; the new owner repeats them", e);
            }
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            revoke(partitions);
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                offsets.put(partition, new PartitionOffsets());
            }
            assignment = Set.copyOf(offsets.keySet());
            if (!partitions.isEmpty()) {
                LOG.info("Assigned {}", partitions);
            }
        }

        private void revoke(Collection<TopicPartition> partitions) {
            LOG.info("Revoked {}", partitions);
            metrics.partitionsRevoked(partitions.size());
            for (TopicPartition partition : partitions) {
                PartitionOffsets revoked = offsets.get(partition);
                if (revoked != null) {
                    revoked.revoke();
                }
            }
            int dropped = lanes.dropRevoked();
            if (dropped > 0) {
                LOG.info("Dropped {} waiting jobs of revoked partitions; their new owner sends them", dropped);
            }
        }

        private void forget(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                offsets.remove(partition);
                notDueUntil.remove(partition);
                awaitingLane.remove(partition);
            }
            assignment = Set.copyOf(offsets.keySet());
        }
    }
}
