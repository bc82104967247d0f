package io.hookline.service;

import io.hookline.contracts.size.SizeLimits;
import io.hookline.contracts.topic.TopicCatalog;
import io.hookline.contracts.topic.TopicProvisioner;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Creates missing Hookline topics before any other Kafka bean of the service starts. */
@Context
public final class TopicBootstrap {

    private final KafkaSettings settings;
    private final SizeLimits limits;

    public TopicBootstrap(KafkaSettings settings, SizeLimits limits) {
        this.settings = settings;
        this.limits = limits;
    }

    @PostConstruct
    void createMissingTopics() {
        if (!settings.createTopics()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()))) {
            new TopicProvisioner(admin, settings.replicationFactor())
                    .ensure(TopicCatalog.all(settings.topicPrefix(), settings.partitions(), limits));
        }
    }
}
