package io.hookline.matcher.topology;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.json.JsonSerde;
import io.hookline.contracts.subscription.Subscription;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.matcher.freshness.Freshness;
import io.hookline.matcher.index.WebhookIndex;
import io.hookline.matcher.index.WebhookIndexUpdater;
import io.hookline.matcher.subscription.SubscriptionTable;
import io.hookline.contracts.size.SizeLimits;
import io.hookline.rules.match.WebhookCompiler;
import io.hookline.rules.template.TemplateEngine;
import io.hookline.rules.template.TemplateLimits;
import io.hookline.service.tracing.EventSpans;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The matcher topology in a {@link TopologyTestDriver}, with its topics at hand. Webhooks go straight into the index
 * through the updater the webhook view uses; the freshness gate is {@link #freshness}, which lets every event pass
 * unless a test says otherwise. Render retries pause for nothing; {@link #pauses} says how long they would have.
 */
final class MatcherDriver implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    static final MatcherTopics TOPICS = MatcherTopics.withPrefix("t.");

    final WebhookIndex index = new WebhookIndex();
    /** Filled as the subscription view would: {@link #subscribe} for a /trigger, tombstones from the topology. */
    final SubscriptionTable subscriptions = new SubscriptionTable();
    final MatcherMetrics metrics = new MatcherMetrics(new SimpleMeterRegistry(), index);
    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> events;
    final List<Long> freshnessAsked = new java.util.concurrent.CopyOnWriteArrayList<>();
    Freshness freshness = (timestamp, seenNanos) -> freshnessAsked.add(timestamp);
    /** The pauses before render retries, recorded instead of slept. */
    final List<Duration> pauses = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final WebhookIndexUpdater updater;
    final TestOutputTopic<String, DeliveryJob> jobs;
    final TestOutputTopic<String, DeliveryAttempt> log;
    final TestOutputTopic<byte[], byte[]> dlq;
    final TestInputTopic<byte[], byte[]> operationalEvents;
    final TestOutputTopic<String, byte[]> unsubscribes;

    MatcherDriver() {
        this(TemplateLimits.DEFAULT);
    }

    MatcherDriver(TemplateLimits limits) {
        this(limits, System::nanoTime);
    }

    /** {@code renderClock} times template renders, so that a test can starve them without slowing the test. */
    MatcherDriver(TemplateLimits limits, java.util.function.LongSupplier renderClock) {
        this(limits, renderClock, EventSpans.off());
    }

    /** {@code spans} exports the matcher's spans (off everywhere else). */
    MatcherDriver(TemplateLimits limits, java.util.function.LongSupplier renderClock, EventSpans spans) {
        TemplateEngine templates = new TemplateEngine(limits, renderClock);
        updater = new WebhookIndexUpdater(index, new WebhookCompiler(templates));
        StreamsBuilder builder = new StreamsBuilder();
        MatcherTopology.build(builder, TOPICS, templates, index, subscriptions,
                (timestamp, seenNanos) -> freshness.awaitFresh(timestamp, seenNanos),
                new RenderRetry(3, Duration.ofMillis(100), pauses::add), metrics, SizeLimits.DEFAULT, spans);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "matcher-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), properties, START);
        events = driver.createInputTopic(TOPICS.domainEvents(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(), START, Duration.ofSeconds(1));
        jobs = driver.createOutputTopic(TOPICS.deliveries(), Serdes.String().deserializer(),
                new JsonSerde<>(DeliveryJob.class).deserializer());
        log = driver.createOutputTopic(TOPICS.deliveryLog(), Serdes.String().deserializer(),
                new JsonSerde<>(DeliveryAttempt.class).deserializer());
        dlq = driver.createOutputTopic(TOPICS.domainEventsDlq(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
        operationalEvents = driver.createInputTopic(TOPICS.operationalEvents(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(), START, Duration.ofSeconds(1));
        unsubscribes = driver.createOutputTopic(TOPICS.subscriptions(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    MatcherDriver configure(TestWebhooks... webhooks) {
        for (TestWebhooks webhook : webhooks) {
            WebhookConfig config = webhook.build();
            updater.accept(config.id(), config);
        }
        return this;
    }

    /** A webhook given whole, for fields {@link TestWebhooks} does not set. */
    MatcherDriver configure(WebhookConfig config) {
        updater.accept(config.id(), config);
        return this;
    }

    void delete(String webhookId) {
        updater.accept(webhookId, null);
    }

    void send(String key, String eventJson) {
        events.pipeInput(key == null ? null : bytes(key), bytes(eventJson));
    }

    /** A subscription as a /trigger writes it. */
    void subscribe(String webhookId, String subject) {
        subscribe(webhookId, subject, "trigger-event");
    }

    void subscribe(String webhookId, String subject, String triggerEventId) {
        subscriptions.apply(Subscription.key(webhookId, subject),
                new Subscription(webhookId, subject, START, triggerEventId));
    }

    /** Applies what the topology wrote to webhook-subscriptions, as the subscription view would; returns the keys. */
    List<String> applyUnsubscribes() {
        List<String> keys = new java.util.ArrayList<>();
        for (var record : unsubscribes.readRecordsToList()) {
            subscriptions.apply(record.key(), null);
            keys.add(record.key() + (record.value() == null ? "" : " (not a tombstone)"));
        }
        return keys;
    }

    void sendOperational(String key, String eventJson) {
        operationalEvents.pipeInput(bytes(key), bytes(eventJson));
    }

    void send(String eventJson) {
        send("INC-123", eventJson);
    }

    void sendBinary(String key, byte[] value, Headers headers) {
        events.pipeInput(new TestRecord<>(bytes(key), value, headers, START));
    }

    List<DeliveryJob> jobs() {
        return jobs.readValuesToList();
    }

    List<TestRecord<String, DeliveryJob>> jobRecords() {
        return jobs.readRecordsToList();
    }

    static Headers headers(String... namesAndValues) {
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], bytes(namesAndValues[i + 1]));
        }
        return headers;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : text(header.value());
    }

    static String toJson(Object value) {
        return Json.toString(value);
    }

    @Override
    public void close() {
        driver.close();
    }
}
