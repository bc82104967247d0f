package io.hookline.matcher.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.subscription.Subscription;
import io.hookline.contracts.topic.Topic;
import io.hookline.contracts.topic.TopicCatalog;
import io.hookline.contracts.topic.TopicProvisioner;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.Ordering;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.CompactedTopicView;
import io.hookline.service.KafkaConnection;
import io.hookline.service.KafkaSettings;
import io.hookline.service.store.ConfigWriter;
import io.hookline.service.store.TopicWrite;
import io.hookline.service.store.WritePlan;
import io.hookline.testkit.SharedKafka;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * CONTRACT.md section 8 for subscriptions: an event of a subject produced right after its subscription was
 * acknowledged (written to {@code webhook-subscriptions} as a {@code /trigger} does, through the config writer) goes
 * to the {@code after_forwarding} webhook; one produced right after the tombstone does not. A webhook that takes every
 * event marks each event as matched.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriptionReadYourWritesTest implements TestPropertyProvider {

    private static final int ROUNDS = 30;
    private static final String FOLLOWER = "wh-follower";
    private static final String MARKER = "wh-marker";

    private final String prefix = SharedKafka.uniqueName("subryw") + ".";
    private final Topic<String, WebhookConfig> configTopic = Topics.WEBHOOK_CONFIG.withPrefix(prefix);
    private final Topic<String, Subscription> subscriptionTopic = Topics.WEBHOOK_SUBSCRIPTIONS.withPrefix(prefix);
    private final Map<String, DeliveryJob> jobs = new ConcurrentHashMap<>();
    private CompactedTopicView<WebhookConfig> configView;
    private CompactedTopicView<Subscription> subscriptionView;
    private ConfigWriter writer;
    private KafkaProducer<byte[], byte[]> events;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        try (var admin = SharedKafka.admin()) {
            new TopicProvisioner(admin, (short) 1).ensure(TopicCatalog.all(prefix, 3));
        }
        try {
            return Map.of("hookline.kafka.bootstrap-servers", SharedKafka.bootstrapServers(),
                    "hookline.kafka.topic-prefix", prefix,
                    "hookline.kafka.partitions", "3",
                    "hookline.matcher.state-dir", Files.createTempDirectory("matcher-subryw").toString(),
                    "hookline.matcher.commit-interval-ms", "100");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeAll
    void startWriter() {
        KafkaConnection connection = KafkaConnection.plain(SharedKafka.bootstrapServers());
        configView = new CompactedTopicView<>("subryw-config-view", connection, configTopic);
        configView.start(Duration.ofSeconds(30));
        subscriptionView = new CompactedTopicView<>("subryw-subscription-view", connection, subscriptionTopic);
        subscriptionView.start(Duration.ofSeconds(30));
        writer = new ConfigWriter(new KafkaSettings(SharedKafka.bootstrapServers(), prefix, false, 3, (short) 1, null,
                Duration.ofSeconds(30)), connection, Duration.ofSeconds(10));
        events = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 0), new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void stopWriter() {
        events.close();
        writer.close();
        subscriptionView.close();
        configView.close();
    }

    @Test
    void shouldMatchTheEventsOfASubjectRightAfterItsSubscriptionAndNotAfterItsTombstone() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(client.toBlocking().retrieve(HttpRequest.GET("/health"))).contains("\"status\":\"UP\""));
        writer.write(() -> new WritePlan<>(List.of(
                TopicWrite.of(configView, configTopic, FOLLOWER, webhook(FOLLOWER, "after_forwarding")),
                TopicWrite.of(configView, configTopic, MARKER, webhook(MARKER, "always"))), null));

        // Each subject's event right after its subscription was acknowledged
        List<String> subscribed = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            Subscription subscription = new Subscription(FOLLOWER, "INC-" + i, Instant.now(), "trigger-" + i);
            writer.write(() -> WritePlan.of(TopicWrite.of(subscriptionView, subscriptionTopic, subscription.key(),
                    subscription), null));
            produce("evt-on-" + i, subscription.subject());
            subscribed.add("evt-on-" + i);
            subscriptions.add(subscription);
        }
        try (KafkaConsumer<byte[], byte[]> consumer = jobsConsumer()) {
            awaitQuietly(() -> {
                poll(consumer);
                return markedAll(subscribed) && followed().containsAll(subscribed);
            });
            assertThat(jobs.keySet()).as("every event matched the marker")
                    .containsAll(subscribed.stream().map(id -> MARKER + "/" + id).toList());
            assertThat(followed()).as("events right after their subscription").containsAll(subscribed);

            // Then each subject's event right after its tombstone was acknowledged
            List<String> unsubscribed = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                Subscription subscription = subscriptions.get(i);
                writer.write(() -> WritePlan.of(TopicWrite.of(subscriptionView, subscriptionTopic,
                        subscription.key(), null), null));
                produce("evt-off-" + i, subscription.subject());
                unsubscribed.add("evt-off-" + i);
            }
            awaitQuietly(() -> {
                poll(consumer);
                return markedAll(unsubscribed);
            });
            assertThat(jobs.keySet()).as("every event matched the marker")
                    .containsAll(unsubscribed.stream().map(id -> MARKER + "/" + id).toList());
            // Each event's jobs are emitted together: with every marker job read, a late follower job would be a
            // matter of milliseconds.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> {
                poll(consumer);
                return unsubscribed.stream().noneMatch(followed()::contains);
            });
        }
        assertThat(followed()).containsExactlyInAnyOrderElementsOf(subscribed);
    }

    /** Waits for the condition; the assertions after it say what is missing if it never holds. */
    private static void awaitQuietly(java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(60)).until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported by the caller's assertions
        }
    }

    private void poll(KafkaConsumer<byte[], byte[]> consumer) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
            DeliveryJob job = Json.fromBytes(record.value(), DeliveryJob.class);
            jobs.put(job.webhookId() + "/" + job.eventId(), job);
        });
    }

    private boolean markedAll(List<String> eventIds) {
        return eventIds.stream().allMatch(id -> jobs.containsKey(MARKER + "/" + id));
    }

    private Set<String> followed() {
        return jobs.values().stream().filter(job -> job.webhookId().equals(FOLLOWER)).map(DeliveryJob::eventId)
                .collect(java.util.stream.Collectors.toSet());
    }

    private void produce(String eventId, String subject) throws Exception {
        String event = """
                {"specversion":"1.0","id":"%s","source":"/subryw","type":"incident.updated","subject":"%s",
                 "tenant":"acme","data":{}}""".formatted(eventId, subject);
        // Keyed by event id: the subject's events land on different partitions, as they may in production.
        events.send(new ProducerRecord<>(Topics.DOMAIN_EVENTS.withPrefix(prefix).name(), bytes(eventId),
                bytes(event))).get();
    }

    private KafkaConsumer<byte[], byte[]> jobsConsumer() {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, SharedKafka.uniqueName("subryw-jobs"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.WEBHOOK_DELIVERIES.withPrefix(prefix).name()));
        return consumer;
    }

    private static WebhookConfig webhook(String id, String forwarding) {
        WebhookConfig plain = new WebhookConfig(id, "acme", 1, "subryw " + id, true, null,
                "https://" + id + ".example/", List.of(), "POST", null, List.of("incident.*"), null, null, null, null,
                false, null, null, null, null, null, null, List.of(), 3, 5000, null, Ordering.NONE, null, null, null);
        ObjectNode node = Json.MAPPER.valueToTree(plain);
        node.put("forwarding", forwarding);
        return Json.MAPPER.convertValue(node, WebhookConfig.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
