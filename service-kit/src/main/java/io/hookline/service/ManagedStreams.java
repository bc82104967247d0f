package io.hookline.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka Streams instance with its lifecycle: started once, its metrics bound to the registry, healthy while
 * running or rebalancing, closed on shutdown (leaving its group). Local state is kept across restarts (no cleanUp on start).
 */
public final class ManagedStreams implements KafkaComponent, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;

    public ManagedStreams(String name, Topology topology, Properties properties, MeterRegistry registry) {
        this.name = name;
        this.streams = new KafkaStreams(topology, properties);
        this.metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        streams.setStateListener((now, before) -> LOG.info("{} streams {} -> {}", name, before, now));
        streams.setUncaughtExceptionHandler(error -> {
            LOG.error("{} stream thread failed; replacing it", name, error);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .REPLACE_THREAD;
        });
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public String componentName() {
        return name;
    }

    @Override
    public boolean isRunning() {
        return streams.state().isRunningOrRebalancing();
    }

    @Override
    public void close() {
        metrics.close();
        // Leaving the group hands this instance's partitions over at once instead of after the session timeout.
        streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
