package io.hookline.log.store;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.json.Json;
import io.hookline.log.topology.IndexEntry;
import io.hookline.log.topology.WebhookState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Read access to the log stores of one or more partitions. Every read is a range scan over one key (a webhook id or a
 * delivery id) and a time range; duplicates written by an at-least-once producer are dropped here.
 */
public final class LogStoreView {

    private final ReadOnlyWindowStore<String, byte[]> index;
    private final ReadOnlyWindowStore<String, byte[]> records;
    private final ReadOnlyKeyValueStore<String, byte[]> states;
    private final ReadCounter counter;

    public LogStoreView(ReadOnlyWindowStore<String, byte[]> index, ReadOnlyWindowStore<String, byte[]> records,
                        ReadOnlyKeyValueStore<String, byte[]> states, ReadCounter counter) {
        this.index = index;
        this.records = records;
        this.states = states;
        this.counter = counter;
    }

    /**
     * Visits one webhook's attempts between {@code from} and {@code to} (inclusive), newest first, until the visitor
     * answers false.
     */
    public void scanNewestFirst(String webhookId, Instant from, Instant to, Predicate<IndexedAttempt> visitor) {
        if (from.isAfter(to)) {
            return;
        }
        Set<String> seenAtSameTime = new HashSet<>();
        Instant currentTime = null;
        try (WindowStoreIterator<byte[]> iterator = index.backwardFetch(webhookId, from, to)) {
            while (iterator.hasNext()) {
                KeyValue<Long, byte[]> next = iterator.next();
                counter.indexEntryRead();
                IndexedAttempt attempt = new IndexedAttempt(Instant.ofEpochMilli(next.key),
                        IndexEntry.fromBytes(next.value));
                if (!attempt.timestamp().equals(currentTime)) {
                    currentTime = attempt.timestamp();
                    seenAtSameTime.clear();
                }
                if (seenAtSameTime.add(attempt.entry().deliveryId() + '\n' + attempt.entry().attempt())
                        && !visitor.test(attempt)) {
                    return;
                }
            }
        }
    }

    /** The whole attempt an index entry of the webhook points to. */
    public Optional<DeliveryAttempt> attempt(String webhookId, IndexedAttempt indexed) {
        Instant time = indexed.timestamp();
        try (WindowStoreIterator<byte[]> iterator = records.fetch(indexed.entry().deliveryId(), time, time)) {
            while (iterator.hasNext()) {
                DeliveryAttempt attempt = Json.fromBytes(iterator.next().value, DeliveryAttempt.class);
                counter.recordRead();
                if (attempt.attempt() == indexed.entry().attempt()
                        && (attempt.webhookId() == null || attempt.webhookId().equals(webhookId))) {
                    return Optional.of(attempt);
                }
            }
        }
        return Optional.empty();
    }

    /** Every attempt of one delivery between {@code from} and {@code to}, oldest first, each once. */
    public List<DeliveryAttempt> delivery(String deliveryId, Instant from, Instant to) {
        List<DeliveryAttempt> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (WindowStoreIterator<byte[]> iterator = records.fetch(deliveryId, from, to)) {
            while (iterator.hasNext()) {
                KeyValue<Long, byte[]> next = iterator.next();
                counter.recordRead();
                DeliveryAttempt attempt = Json.fromBytes(next.value, DeliveryAttempt.class);
                if (seen.add(next.key + "\n" + attempt.attempt())) {
                    found.add(attempt);
                }
            }
        }
        return found;
    }

    public Optional<WebhookState> state(String webhookId) {
        return Optional.ofNullable(states.get(webhookId)).map(WebhookState::fromBytes);
    }
}
