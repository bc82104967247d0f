package io.hookline.service;

import io.hookline.contracts.size.SizeLimits;
import io.hookline.contracts.topic.TopicCatalog;
import io.hookline.contracts.topic.TopicProvisioner;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Before any other Kafka bean of the service starts: checks that the cluster answers and accepts this service's
 * credentials (a clear error at start, not a loop of client warnings), then creates missing Hookline topics.
 */
@Context
public final class TopicBootstrap {

    private final KafkaSettings settings;
    private final KafkaConnection connection;
    private final SizeLimits limits;

    public TopicBootstrap(KafkaSettings settings, KafkaConnection connection, SizeLimits limits) {
        this.settings = settings;
        this.connection = connection;
        this.limits = limits;
    }

    @PostConstruct
    void connectAndCreateMissingTopics() {
        try (Admin admin = Admin.create(connection.clientConfig(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "hookline-bootstrap")))) {
            new ClusterCheck(connection, settings.connectTimeout()).verify(admin);
            if (settings.createTopics()) {
                new TopicProvisioner(admin, settings.replicationFactor(), settings.minInsyncReplicas())
                        .ensure(TopicCatalog.all(settings.topicPrefix(), settings.partitions(), limits));
            }
        }
    }
}
