package io.hookline.matcher.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
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
 * CONTRACT.md section 8, read-your-writes: an event produced after a webhook change was acknowledged is matched
 * against that change or a later one. Changes go through the transactional {@link ConfigWriter} (acknowledged once
 * the writer's own read_committed view applied them, as config-service answers), or a raw transactional producer
 * with an aborted transaction; each event is produced straight after, and every one must become a job.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadYourWritesTest implements TestPropertyProvider {

    private static final int ROUNDS = 40;
    private static final int BULK = 2_000;

    private final String prefix = SharedKafka.uniqueName("ryw") + ".";
    private final Topic<String, WebhookConfig> configTopic = Topics.WEBHOOK_CONFIG.withPrefix(prefix);
    private final Map<String, DeliveryJob> jobs = new ConcurrentHashMap<>();
    private CompactedTopicView<WebhookConfig> writerView;
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
                    "hookline.matcher.state-dir", Files.createTempDirectory("matcher-ryw").toString(),
                    "hookline.matcher.commit-interval-ms", "100");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeAll
    void startWriter() {
        writerView = new CompactedTopicView<>("ryw-writer-view",
                KafkaConnection.plain(SharedKafka.bootstrapServers()), configTopic);
        writerView.start(Duration.ofSeconds(30));
        writer = new ConfigWriter(new KafkaSettings(SharedKafka.bootstrapServers(), prefix, false, 3, (short) 1, null,
                Duration.ofSeconds(30)), KafkaConnection.plain(SharedKafka.bootstrapServers()), Duration.ofSeconds(10));
        events = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 0), new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void stopWriter() {
        events.close();
        writer.close();
        writerView.close();
    }

    @Test
    void shouldMatchEveryEventProducedRightAfterAnAcknowledgedChange() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(client.toBlocking().retrieve(HttpRequest.GET("/health"))).contains("\"status\":\"UP\""));
        Map<String, String> expectedUrl = new LinkedHashMap<>();

        // Created webhooks: each one's first event comes right after the creation is acknowledged
        for (int i = 0; i < ROUNDS; i++) {
            write(webhook("wh-new-" + i, 1, "https://new.example/" + i, "round." + i, null));
            produce("evt-new-" + i, "round." + i, "P1");
            expectedUrl.put("wh-new-" + i + "/evt-new-" + i, "https://new.example/" + i);
        }

        // A PATCH-like update: the filter now holds for the event sent right after it
        for (int i = 0; i < ROUNDS / 4; i++) {
            String id = "wh-patched-" + i;
            write(webhook(id, 1, "https://patched.example/" + i, "patch." + i, priorityIs("P2")));
            write(webhook(id, 2, "https://patched.example/" + i, "patch." + i, priorityIs("P1")));
            produce("evt-patched-" + i, "patch." + i, "P1");
            expectedUrl.put(id + "/evt-patched-" + i, "https://patched.example/" + i);
        }

        // A busy topic: many changes in one transaction, the event right after
        List<TopicWrite> bulk = new ArrayList<>();
        for (int i = 0; i < BULK; i++) {
            bulk.add(TopicWrite.of(writerView, configTopic, "wh-bulk-" + i,
                    webhook("wh-bulk-" + i, 1, "https://bulk.example/" + i, "bulk." + i, null)));
        }
        writer.write(() -> new WritePlan<>(bulk, null));
        produce("evt-bulk", "bulk." + (BULK - 1), "P1");
        expectedUrl.put("wh-bulk-" + (BULK - 1) + "/evt-bulk", "https://bulk.example/" + (BULK - 1));

        // A raw transactional writer: an aborted change, then a committed one that ends the partition with its marker
        for (int i = 0; i < ROUNDS / 4; i++) {
            String id = "wh-raw-" + i;
            rawTransaction(webhook(id, 1, "https://aborted.example/" + i, "raw." + i, null), false);
            rawTransaction(webhook(id, 2, "https://committed.example/" + i, "raw." + i, null), true);
            produce("evt-raw-" + i, "raw." + i, "P1");
            expectedUrl.put(id + "/evt-raw-" + i, "https://committed.example/" + i);
        }

        // Then every event became a job for the acknowledged version
        try (KafkaConsumer<byte[], byte[]> consumer = jobsConsumer()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    DeliveryJob job = Json.fromBytes(record.value(), DeliveryJob.class);
                    jobs.put(job.webhookId() + "/" + job.eventId(), job);
                });
                return jobs.keySet().containsAll(expectedUrl.keySet());
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // fall through: the assertion below names what is missing
        }
        List<String> missing = expectedUrl.keySet().stream().filter(key -> !jobs.containsKey(key)).toList();
        assertThat(missing).as("events matched against a configuration older than the acknowledged one").isEmpty();
        expectedUrl.forEach((key, url) -> assertThat(jobs.get(key).url()).as(key).isEqualTo(url));
    }

    private void write(WebhookConfig webhook) {
        writer.write(() -> WritePlan.of(TopicWrite.of(writerView, configTopic, webhook.id(), webhook), null));
    }

    /** A transaction of another writer; a committed one counts as acknowledged once a read_committed view has it. */
    private void rawTransaction(WebhookConfig webhook, boolean commit) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, SharedKafka.uniqueName("ryw-raw")),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            var sent = producer.send(new ProducerRecord<>(configTopic.name(), bytes(webhook.id()),
                    Json.toBytes(webhook)));
            producer.flush();
            if (commit) {
                producer.commitTransaction();
                var metadata = sent.get();
                assertThat(writerView.awaitApplied(metadata.partition(), metadata.offset(), Duration.ofSeconds(10)))
                        .isTrue();
            } else {
                producer.abortTransaction();
            }
        }
    }

    private void produce(String eventId, String type, String priority) throws ExecutionException, InterruptedException {
        String event = """
                {"specversion":"1.0","id":"%s","source":"/ryw","type":"%s","subject":"%s","tenant":"acme",
                 "data":{"priority":"%s"}}""".formatted(eventId, type, eventId, priority);
        events.send(new ProducerRecord<>(Topics.DOMAIN_EVENTS.withPrefix(prefix).name(), bytes(eventId),
                bytes(event))).get();
    }

    private KafkaConsumer<byte[], byte[]> jobsConsumer() {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, SharedKafka.uniqueName("ryw-jobs"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.WEBHOOK_DELIVERIES.withPrefix(prefix).name()));
        return consumer;
    }

    private static JsonNode priorityIs(String priority) {
        return Json.MAPPER.valueToTree(Map.of("field", "data.priority", "op", "eq", "value", priority));
    }

    private static WebhookConfig webhook(String id, long version, String url, String eventType, JsonNode filter) {
        return new WebhookConfig(id, "acme", version, "ryw " + id, true, null, url, List.of(), "POST", null,
                List.of(eventType), null, filter, null, null, false, null, null, null, null, null, null, List.of(), 3,
                5000, null, Ordering.NONE, null, null, null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
