package io.hookline.log.cluster;

import io.hookline.service.KafkaClientMeters;
import io.hookline.service.KafkaConnection;
import io.hookline.service.KafkaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** How many partitions the delivery log has, read once from the cluster. */
@Singleton
public final class TopicPartitionCount implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final AutoCloseable meters;
    private final LogStreams logStreams;
    private volatile int deliveryLog;

    public TopicPartitionCount(KafkaSettings kafka, KafkaConnection connection, LogStreams logStreams) {
        this.admin = Admin.create(connection.clientConfig(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "log-partition-count")));
        this.meters = connection.meters().bind(admin);
        this.logStreams = logStreams;
    }

    public int deliveryLog() {
        if (deliveryLog == 0) {
            String topic = logStreams.deliveryLogTopic();
            try {
                deliveryLog = admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().size();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("Interrupted while describing " + topic, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new StoreUnavailableException("Cannot describe " + topic, e);
            }
        }
        return deliveryLog;
    }

    @PreDestroy
    @Override
    public void close() {
        KafkaClientMeters.close(meters);
        admin.close(Duration.ofSeconds(5));
    }
}
