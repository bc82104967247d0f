package io.hookline.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Binds the metrics of a service's Kafka clients to its registry ({@code kafka_consumer_*}, {@code kafka_producer_*},
 * {@code kafka_admin_client_*} on {@code /prometheus}), among them the consumer lag per topic and partition. Their
 * labels are client ids, topic names and partitions: nothing of a tenant. Without a registry (tests, tools) binding
 * does nothing.
 */
public final class KafkaClientMeters {

    /** Binds nothing. */
    public static final KafkaClientMeters NONE = new KafkaClientMeters(null);

    private static final AutoCloseable UNBOUND = () -> { };

    private final MeterRegistry registry;
    /** One thread for all of a service's clients, which look for new metrics (a partition assigned) once a minute. */
    private ScheduledExecutorService refresher;

    public KafkaClientMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Binds the client's metrics; closing the result removes them (do so when closing the client). */
    public AutoCloseable bind(Producer<?, ?> producer) {
        return registry == null ? UNBOUND : bound(new KafkaClientMetrics(producer, Tags.empty(), refresher()));
    }

    public AutoCloseable bind(Consumer<?, ?> consumer) {
        return registry == null ? UNBOUND : bound(new KafkaClientMetrics(consumer, Tags.empty(), refresher()));
    }

    public AutoCloseable bind(Admin admin) {
        if (registry == null || !(admin instanceof AdminClient client)) {
            return UNBOUND;
        }
        return bound(new KafkaClientMetrics(client, Tags.empty(), refresher()));
    }

    private AutoCloseable bound(KafkaClientMetrics metrics) {
        metrics.bindTo(registry);
        return metrics::close;
    }

    private synchronized ScheduledExecutorService refresher() {
        if (refresher == null) {
            refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "kafka-client-meters");
                thread.setDaemon(true);
                return thread;
            });
        }
        return refresher;
    }

    /** Closes quietly: a client's meters are removed on the way out, where a failure changes nothing. */
    public static void close(AutoCloseable meters) {
        try {
            meters.close();
        } catch (Exception ignored) {
            // nothing to do: the registry goes with the service
        }
    }
}
