package io.hookline.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.contracts.topic.TopicCatalog;
import io.hookline.contracts.topic.TopicProvisioner;
import io.hookline.contracts.topic.Topics;
import io.hookline.testkit.SharedKafka;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/**
 * Every Hookline topic takes records as large as Hookline writes (8 MiB with the default event limit of 1 MiB), over
 * the broker's own default of 1 MiB: topics it creates get {@code max.message.bytes}, and an existing topic with a
 * lower limit (created by an earlier version) is raised.
 */
class TopicRecordLimitTest {

    private static final String RECORD_LIMIT = String.valueOf(8 * 1024 * 1024);

    @Test
    void shouldCreateTopicsWithTheRecordLimitAndRaiseItOnExistingOnes() throws Exception {
        // Given an installation whose webhook-deliveries already exists with the broker's default limit
        String prefix = SharedKafka.uniqueName("limits") + ".";
        String deliveries = Topics.WEBHOOK_DELIVERIES.withPrefix(prefix).name();
        String events = Topics.DOMAIN_EVENTS.withPrefix(prefix).name();
        SharedKafka.createTopics(2, deliveries);

        try (Admin admin = SharedKafka.admin()) {
            // When
            new TopicProvisioner(admin, (short) 1).ensure(TopicCatalog.all(prefix, 2));

            // Then
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(topic(deliveries), topic(events)))
                    .all().get();
            assertThat(configs.get(topic(deliveries)).get("max.message.bytes").value()).isEqualTo(RECORD_LIMIT);
            assertThat(configs.get(topic(events)).get("max.message.bytes").value()).isEqualTo(RECORD_LIMIT);
        }
    }

    private static ConfigResource topic(String name) {
        return new ConfigResource(ConfigResource.Type.TOPIC, name);
    }
}
