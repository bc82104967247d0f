package io.hookline.config.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import io.hookline.contracts.subscription.Subscription;
import io.hookline.contracts.topic.Topic;
import io.hookline.contracts.topic.Topics;
import io.hookline.testkit.SharedKafka;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /trigger} subscribes an {@code after_forwarding} webhook to the event's subject on the compacted
 * {@code webhook-subscriptions} topic; {@code GET .../subscriptions} lists them and {@code DELETE
 * .../subscriptions/{subject}} ends one with a tombstone.
 */
class SubscriptionApiTest {

    private static final String EVENT = """
            {"specversion":"1.0","id":"%s","source":"/incidents","type":"incident.triggered","subject":"%s",
             "data":{"incident":{"id":"%s"}}}""";

    private static ConfigServiceInstance service;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("subscriptions");
        admin = service.admin();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static String afterForwarding(String name) {
        return admin.createWebhook("""
                {"name": "%s", "url": "https://example.com/hook", "event_types": ["incident.*"],
                 "forwarding": "after_forwarding", "unsubscribe_on": ["incident.resolved"]}""".formatted(name));
    }

    private static ApiClient.Response trigger(String id, String eventId, String subject) {
        return admin.post("/api/v1/webhooks/" + id + "/trigger", EVENT.formatted(eventId, subject, subject));
    }

    @Test
    void shouldSubscribeOnTriggerAndListRightAway() {
        String id = afterForwarding("follower");

        assertThat(trigger(id, "evt-1", "INC-1").status()).isEqualTo(202);
        assertThat(trigger(id, "evt-2", "INC 2/β").status()).isEqualTo(202);

        ApiClient.Response list = admin.get("/api/v1/webhooks/" + id + "/subscriptions");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        JsonNode page = list.json();
        assertThat(page.get("count").asInt()).isEqualTo(2);
        assertThat(page.get("total_pages").asInt()).isEqualTo(1);
        assertThat(page.get("results").get(0).get("subject").asText()).isEqualTo("INC-1");
        assertThat(page.get("results").get(0).get("event_id").asText()).isEqualTo("evt-1");
        assertThat(page.get("results").get(0).get("subscribed_at").asText()).isNotBlank();
        assertThat(page.get("results").get(1).get("subject").asText()).isEqualTo("INC 2/β");
        Map<String, Subscription> onTopic = topicContent();
        assertThat(onTopic).containsKey(Subscription.key(id, "INC-1"));
        assertThat(onTopic.get(Subscription.key(id, "INC-1")).eventId()).isEqualTo("evt-1");
    }

    @Test
    void shouldPageAndAnswerWithATrailingSlashToo() {
        String id = afterForwarding("pages");
        trigger(id, "evt-a", "A");
        trigger(id, "evt-b", "B");
        trigger(id, "evt-c", "C");

        JsonNode second = admin.get("/api/v1/webhooks/" + id + "/subscriptions/?page=2&page_size=2").json();

        assertThat(second.get("count").asInt()).isEqualTo(3);
        assertThat(second.get("current_page_number").asInt()).isEqualTo(2);
        assertThat(second.get("results")).hasSize(1);
        assertThat(second.get("results").get(0).get("subject").asText()).isEqualTo("C");
        assertThat(second.get("previous").asText()).contains("page=1");
        assertThat(admin.get("/api/v1/webhooks/" + id + "/subscriptions?page_size=0").status()).isEqualTo(400);
    }

    @Test
    void shouldNotSubscribeOtherForwardingsOrEventsWithoutSubject() {
        String always = admin.createWebhook("{\"name\": \"always\", \"url\": \"https://example.com/\"}");
        String only = admin.createWebhook("""
                {"name": "only", "url": "https://example.com/", "forwarding": "only_on_forwarding"}""");
        String after = afterForwarding("no-subject");

        assertThat(trigger(always, "evt-x", "INC-X").status()).isEqualTo(202);
        assertThat(trigger(only, "evt-y", "INC-Y").status()).isEqualTo(202);
        assertThat(admin.post("/api/v1/webhooks/" + after + "/trigger", """
                {"specversion":"1.0","id":"evt-z","source":"/s","type":"incident.triggered"}""").status())
                .isEqualTo(202);

        for (String id : List.of(always, only, after)) {
            assertThat(admin.get("/api/v1/webhooks/" + id + "/subscriptions").json().get("count").asInt())
                    .isZero();
        }
    }

    @Test
    void shouldUnsubscribeWithATombstoneAndThen404() {
        String id = afterForwarding("leaver");
        trigger(id, "evt-1", "INC/9 x");
        String path = "/api/v1/webhooks/" + id + "/subscriptions/" + URLEncoder.encode("INC/9 x", StandardCharsets.UTF_8)
                .replace("+", "%20");

        ApiClient.Response deleted = admin.delete(path);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(admin.get("/api/v1/webhooks/" + id + "/subscriptions").json().get("count").asInt()).isZero();
        assertThat(topicContent()).doesNotContainKey(Subscription.key(id, "INC/9 x"));
        ApiClient.Response again = admin.delete(path + "/");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void shouldAnswer404ForAMissingOrAnotherTenantsWebhook() {
        String id = afterForwarding("private");
        trigger(id, "evt-1", "INC-1");
        String acme = admin.post("/api/v1/tokens",
                        "{\"name\": \"acme\", \"tenant\": \"acme\", \"scopes\": [\"webhooks:read\", \"webhooks:write\"]}")
                .json().get("token").asText();
        ApiClient foreign = service.client().withToken(acme);

        assertThat(foreign.get("/api/v1/webhooks/" + id + "/subscriptions").status()).isEqualTo(404);
        assertThat(foreign.delete("/api/v1/webhooks/" + id + "/subscriptions/INC-1").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/webhooks/WHMISSING/subscriptions").status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/webhooks/WHMISSING/subscriptions/INC-1").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/webhooks/" + id + "/subscriptions").json().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void shouldRequireTheReadScopeToListAndTheWriteScopeToDelete() {
        String id = afterForwarding("guarded");
        trigger(id, "evt-1", "INC-1");
        String reader = admin.post("/api/v1/tokens", "{\"name\": \"r\", \"scopes\": [\"webhooks:read\"]}")
                .json().get("token").asText();
        ApiClient readOnly = service.client().withToken(reader);

        assertThat(service.client().get("/api/v1/webhooks/" + id + "/subscriptions").status()).isEqualTo(401);
        assertThat(readOnly.get("/api/v1/webhooks/" + id + "/subscriptions").status()).isEqualTo(200);
        assertThat(readOnly.delete("/api/v1/webhooks/" + id + "/subscriptions/INC-1").status()).isEqualTo(403);
        assertThat(service.client().delete("/api/v1/webhooks/" + id + "/subscriptions/INC-1").status())
                .isEqualTo(401);
    }

    @Test
    void shouldEndTheSubscriptionsOfADeletedWebhook() {
        String id = afterForwarding("deleted");
        trigger(id, "evt-1", "INC-1");
        assertThat(topicContent()).containsKey(Subscription.key(id, "INC-1"));

        assertThat(admin.delete("/api/v1/webhooks/" + id).status()).isEqualTo(204);

        assertThat(topicContent()).doesNotContainKey(Subscription.key(id, "INC-1"));
    }

    @Test
    void shouldListWhatTheMatcherEnded() {
        String id = afterForwarding("ended-by-matcher");
        trigger(id, "evt-1", "INC-1");

        // The matcher ends a subscription on an unsubscribe_on event with this tombstone.
        Topic<String, Subscription> topic = Topics.WEBHOOK_SUBSCRIPTIONS.withPrefix(service.prefix());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", SharedKafka.bootstrapServers()), new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic.name(), Subscription.key(id, "INC-1"), null));
        }

        assertThat(admin.get("/api/v1/webhooks/" + id + "/subscriptions").json().get("count").asInt()).isZero();
    }

    /** The topic read from the start: each key's last value, tombstones removing. */
    private static Map<String, Subscription> topicContent() {
        Topic<String, Subscription> topic = Topics.WEBHOOK_SUBSCRIPTIONS.withPrefix(service.prefix());
        try (KafkaConsumer<String, Subscription> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<String, Subscription> content = new HashMap<>();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value() == null) {
                        content.remove(record.key());
                    } else {
                        content.put(record.key(), record.value());
                    }
                });
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
            return content;
        }
    }
}
