package io.hookline.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.contracts.topic.TopicCatalog;
import io.hookline.contracts.topic.TopicProvisioner;
import io.hookline.contracts.topic.Topics;
import io.hookline.testkit.SharedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Created topics take {@code hookline.kafka.min-insync-replicas} when it is set, the broker's default otherwise. */
class TopicReplicationTest {

    @Test
    void shouldSetMinInsyncReplicasOnEveryCreatedTopicWhenGiven() throws Exception {
        String prefix = SharedKafka.uniqueName("isr") + ".";
        try (Admin admin = SharedKafka.admin()) {
            new TopicProvisioner(admin, (short) 1, 1).ensure(TopicCatalog.all(prefix, 1));

            for (String topic : List.of(Topics.WEBHOOK_CONFIG.withPrefix(prefix).name(),
                    Topics.WEBHOOK_DELIVERIES.withPrefix(prefix).name())) {
                ConfigEntry entry = minInsync(admin, topic);
                assertThat(entry.source()).as(topic).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
                assertThat(entry.value()).isEqualTo("1");
            }
        }
    }

    @Test
    void shouldLeaveTheBrokersDefaultWhenNotGiven() throws Exception {
        String prefix = SharedKafka.uniqueName("isr-default") + ".";
        try (Admin admin = SharedKafka.admin()) {
            new TopicProvisioner(admin, (short) 1, null).ensure(TopicCatalog.all(prefix, 1));

            assertThat(minInsync(admin, Topics.WEBHOOK_DELIVERIES.withPrefix(prefix).name()).source())
                    .isNotEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
        }
    }

    @Test
    void shouldRefuseMoreInsyncReplicasThanReplicas() {
        try (Admin admin = SharedKafka.admin()) {
            assertThatThrownBy(() -> new TopicProvisioner(admin, (short) 1, 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("min.insync.replicas of created topics (2)")
                    .hasMessageContaining("replication factor (1)");
        }
    }

    /** Awaited: a topic just created may not be known yet to the broker that answers. */
    private static ConfigEntry minInsync(Admin admin, String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(
                () -> admin.describeConfigs(List.of(resource)).all().get().get(resource).get("min.insync.replicas"),
                Objects::nonNull);
    }
}
