package io.hookline.matcher.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.contracts.json.Json;
import io.hookline.contracts.topic.TopicCatalog;
import io.hookline.contracts.topic.TopicProvisioner;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.Ordering;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.testkit.SharedKafka;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the freshness gate adds to each event on a real broker, read from {@code hookline_matcher_freshness_wait}:
 * live events one at a time (each needs its own offsets request: the worst case per event), then a burst.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FreshnessLatencyTest implements TestPropertyProvider {

    private static final Logger LOG = LoggerFactory.getLogger(FreshnessLatencyTest.class);
    private static final int LIVE_EVENTS = 100;
    private static final int BURST_EVENTS = 1_000;

    private final String prefix = SharedKafka.uniqueName("latency") + ".";

    @Inject
    MeterRegistry registry;

    @Override
    public Map<String, String> getProperties() {
        try (var admin = SharedKafka.admin()) {
            new TopicProvisioner(admin, (short) 1).ensure(TopicCatalog.all(prefix, 3));
        }
        WebhookConfig webhook = new WebhookConfig("wh-latency", "acme", 1, "latency", true, null,
                "https://example.com/latency", List.of(), "POST", null, List.of("*"), null, null, null, null, false,
                null, null, null, null, null, null, List.of(), 3, 5000, null, Ordering.NONE, null, null, null);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.WEBHOOK_CONFIG.withPrefix(prefix).name(), bytes(webhook.id()),
                    Json.toBytes(webhook))).get();
            return Map.of("hookline.kafka.bootstrap-servers", SharedKafka.bootstrapServers(),
                    "hookline.kafka.topic-prefix", prefix,
                    "hookline.kafka.partitions", "3",
                    "hookline.matcher.state-dir", Files.createTempDirectory("matcher-latency").toString(),
                    "hookline.matcher.commit-interval-ms", "100");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldAddAboutOneOffsetsRequestToALiveEvent() throws Exception {
        Timer waits = registry.get("hookline.matcher.freshness.wait").timer();
        try (KafkaProducer<byte[], byte[]> producer = producer(); KafkaConsumer<byte[], byte[]> jobs = jobs()) {
            // Live events, each produced once the previous one became a job
            for (int i = 0; i < LIVE_EVENTS; i++) {
                producer.send(event("evt-live-" + i)).get();
                awaitJobs(jobs, 1);
            }
            assertThat(waits.count()).isEqualTo(LIVE_EVENTS);
            String live = describe(waits);
            double liveMean = waits.mean(TimeUnit.MILLISECONDS);
            double liveMax = waits.max(TimeUnit.MILLISECONDS);

            // A burst: events come faster than a request per event, so answers are shared
            double totalBefore = waits.totalTime(TimeUnit.MILLISECONDS);
            for (int i = 0; i < BURST_EVENTS; i++) {
                producer.send(event("evt-burst-" + i));
            }
            producer.flush();
            awaitJobs(jobs, BURST_EVENTS);
            double burstMean = (waits.totalTime(TimeUnit.MILLISECONDS) - totalBefore) / BURST_EVENTS;

            LOG.info("freshness wait, {} live events: {} mean {} ms, max {} ms; burst of {}: mean {} ms", LIVE_EVENTS,
                    live, String.format("%.2f", liveMean), String.format("%.2f", liveMax), BURST_EVENTS,
                    String.format("%.2f", burstMean));
            assertThat(liveMax).as("bounded: no live event waits anywhere near max-wait").isLessThan(5_000);
            assertThat(burstMean).isLessThan(liveMean * 2);
        }
    }

    private static String describe(Timer timer) {
        return Arrays.stream(timer.takeSnapshot().histogramCounts())
                .map(FreshnessLatencyTest::describe)
                .collect(Collectors.joining(", "));
    }

    private static String describe(CountAtBucket bucket) {
        return "<= " + String.format("%.0f", bucket.bucket(TimeUnit.MILLISECONDS)) + " ms: "
                + String.format("%.0f", bucket.count());
    }

    private static void awaitJobs(KafkaConsumer<byte[], byte[]> consumer, int count) {
        int[] seen = {0};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1)).until(() -> {
            seen[0] += consumer.poll(Duration.ofMillis(50)).count();
            return seen[0] >= count;
        });
    }

    private ProducerRecord<byte[], byte[]> event(String id) {
        String json = """
                {"specversion":"1.0","id":"%s","source":"/latency","type":"incident.triggered","tenant":"acme",
                 "data":{}}""".formatted(id);
        return new ProducerRecord<>(Topics.DOMAIN_EVENTS.withPrefix(prefix).name(), bytes(id), bytes(json));
    }

    private KafkaConsumer<byte[], byte[]> jobs() {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, SharedKafka.uniqueName("latency-jobs"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.WEBHOOK_DELIVERIES.withPrefix(prefix).name()));
        return consumer;
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 0), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
