package io.hookline.log.cluster;

import io.hookline.log.LogSettings;
import io.hookline.log.store.LogStoreView;
import io.hookline.log.store.ReadCounter;
import io.hookline.log.topology.LogStores;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * Finds the instance whose active stores hold a key, and opens this instance's stores. Only active, running stores
 * are read (never a lagging standby); while none is available it waits up to {@code hookline.log.query-wait} and then
 * gives up with {@link StoreUnavailableException}.
 */
@Singleton
public final class StoreLocator {

    private final LogStreams logStreams;
    private final Duration wait;
    private final ReadCounter counter;

    public StoreLocator(LogStreams logStreams, LogSettings settings, ReadCounter counter) {
        this.logStreams = logStreams;
        this.wait = settings.queryWait();
        this.counter = counter;
    }

    /** The owner of a webhook's partition (the delivery log is keyed by webhook id). */
    public Location locateWebhook(String webhookId) {
        Deadline deadline = new Deadline(wait);
        do {
            KafkaStreams streams = logStreams.streams();
            if (streams.state() == KafkaStreams.State.RUNNING) {
                KeyQueryMetadata metadata = streams.queryMetadataForKey(LogStores.ATTEMPT_INDEX, webhookId,
                        Serdes.String().serializer());
                if (metadata != null && !KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)
                        && metadata.activeHost() != null && metadata.activeHost().port() > 0) {
                    return new Location(metadata.activeHost(), metadata.partition(),
                            metadata.activeHost().equals(logStreams.self()));
                }
            }
        } while (deadline.pause());
        throw new StoreUnavailableException("The delivery log is rebalancing; no instance owns webhook "
                + webhookId + " right now");
    }

    /** This instance's stores for one partition it owns. */
    public LogStoreView localPartition(int partition) {
        Deadline deadline = new Deadline(wait);
        InvalidStateStoreException last;
        do {
            try {
                return open(partition);
            } catch (InvalidStateStoreException e) {
                last = e;
            }
        } while (deadline.pause());
        throw new StoreUnavailableException("The delivery log store of partition " + partition
                + " is not queryable here right now", last);
    }

    /** The partitions of the delivery log whose active tasks run on this instance. */
    public Set<Integer> localPartitions() {
        return logStreams.streams().metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream())
                .filter(partition -> partition.topic().equals(logStreams.deliveryLogTopic()))
                .map(TopicPartition::partition)
                .collect(Collectors.toSet());
    }

    /** Every other instance of this application that hosts the stores. */
    public List<HostInfo> otherHosts() {
        Collection<StreamsMetadata> all = logStreams.streams().streamsMetadataForStore(LogStores.ATTEMPT_RECORDS);
        return all.stream().map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(logStreams.self()))
                .distinct()
                .toList();
    }

    public boolean running() {
        return logStreams.streams().state() == KafkaStreams.State.RUNNING;
    }

    Duration queryWait() {
        return wait;
    }

    private LogStoreView open(int partition) {
        KafkaStreams streams = logStreams.streams();
        return new LogStoreView(
                streams.store(StoreQueryParameters.fromNameAndType(LogStores.ATTEMPT_INDEX,
                        QueryableStoreTypes.<String, byte[]>windowStore()).withPartition(partition)),
                streams.store(StoreQueryParameters.fromNameAndType(LogStores.ATTEMPT_RECORDS,
                        QueryableStoreTypes.<String, byte[]>windowStore()).withPartition(partition)),
                streams.store(StoreQueryParameters.fromNameAndType(LogStores.WEBHOOK_STATE,
                        QueryableStoreTypes.<String, byte[]>keyValueStore()).withPartition(partition)),
                counter);
    }
}
