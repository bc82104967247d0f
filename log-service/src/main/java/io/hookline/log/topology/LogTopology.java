package io.hookline.log.topology;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The delivery log materialized for queries. Attempts land in two segmented window stores, so retention drops whole
 * RocksDB segments instead of deleting records one by one:
 * <ul>
 *   <li>{@link LogStores#ATTEMPT_INDEX}: webhook id at attempt time, so "newest of webhook X between t1 and t2" is a
 *   backward range scan over that one key;</li>
 *   <li>{@link LogStores#ATTEMPT_RECORDS}: delivery id at attempt time, so "every attempt of delivery D" is a range
 *   scan too.</li>
 * </ul>
 * Duplicates are kept in the stores (the log is at-least-once) and dropped when read.
 */
public final class LogTopology {

    static final String SOURCE = "log-source";
    static final String PROCESSOR = "log-materializer";
    /** Attempts are points in time; a window must have some size. */
    private static final Duration POINT = Duration.ofMillis(1);

    private LogTopology() {
    }

    public static void build(StreamsBuilder builder, String deliveryLogTopic, String operationalEventsTopic,
                             Duration retention) {
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(LogStores.ATTEMPT_INDEX, retention, POINT, true),
                Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(LogStores.ATTEMPT_RECORDS, retention, POINT, true),
                Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(LogStores.WEBHOOK_STATE), Serdes.String(), Serdes.ByteArray())
                // A webhook's state changes on every attempt; the cache writes it to RocksDB and the changelog once
                // per commit instead.
                .withCachingEnabled());
        // One source for both topics keeps them in one sub-topology: partition p of each lives in the same task,
        // so one instance owns everything about a webhook.
        builder.stream(List.of(deliveryLogTopic, operationalEventsTopic),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(SOURCE))
                .process(() -> new LogRecordProcessor(operationalEventsTopic), Named.as(PROCESSOR),
                        LogStores.ATTEMPT_INDEX, LogStores.ATTEMPT_RECORDS, LogStores.WEBHOOK_STATE);
    }
}
