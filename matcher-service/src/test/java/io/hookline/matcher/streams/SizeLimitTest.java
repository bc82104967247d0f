package io.hookline.matcher.streams;

import static io.hookline.matcher.streams.TopicIo.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.topic.TopicCatalog;
import io.hookline.contracts.topic.TopicProvisioner;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.EndpointKey;
import io.hookline.contracts.webhook.Ordering;
import io.hookline.contracts.webhook.WebhookConfig;
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
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Size limits in the matcher on the real broker, with an event limit of 64 KiB (so records may have 1 MiB, the
 * broker's own default): an event over the limit produced straight to Kafka and a job too large to write each go to
 * their dead-letter topic with reason {@code oversized}, and the event behind each on the same partition goes on.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SizeLimitTest implements TestPropertyProvider {

    private static final int EVENT_LIMIT = 64 * 1024;
    private static final String HEADERS_URL = "https://example.com/headers";
    private static final String PLAIN_URL = "https://example.com/plain";

    private final String prefix = SharedKafka.uniqueName("matcher-size") + ".";

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        try (Admin admin = SharedKafka.admin()) {
            new TopicProvisioner(admin, (short) 1).ensure(TopicCatalog.all(prefix, 2));
        }
        publish(webhook("wh-plain", PLAIN_URL, List.of("incident.*"), null));
        // Twenty headers that each repeat a 50 KB field: about 1 MB of headers for a 50 KB event.
        ObjectNode headers = Json.MAPPER.createObjectNode();
        for (int i = 1; i <= 20; i++) {
            headers.put("X-Blob-" + i, "{{ blob }}");
        }
        publish(webhook("wh-headers", HEADERS_URL, List.of("bulky.*"), headers));
        try {
            return Map.of("micronaut.server.port", "-1",
                    "hookline.kafka.bootstrap-servers", SharedKafka.bootstrapServers(),
                    "hookline.kafka.topic-prefix", prefix,
                    "hookline.kafka.partitions", "2",
                    "hookline.events.max-bytes", String.valueOf(EVENT_LIMIT),
                    "hookline.matcher.state-dir", Files.createTempDirectory("matcher-size").toString(),
                    "hookline.matcher.commit-interval-ms", "100");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeEach
    void awaitHealthy() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(client.toBlocking().retrieve(HttpRequest.GET("/health"))).contains("\"status\":\"UP\""));
    }

    @Test
    void shouldDeadLetterAnEventOverTheLimitAndMatchTheEventBehindIt() {
        // Given an event one byte over the limit and a small one behind it, same key, straight into domain-events
        String big = eventOfSize("evt-too-big", "incident.triggered", "K1", EVENT_LIMIT + 1);
        String small = eventOfSize("evt-behind-big", "incident.triggered", "K1", 400);

        // When
        TopicIo.send(topic(Topics.DOMAIN_EVENTS), "K1", big.getBytes(StandardCharsets.UTF_8));
        TopicIo.send(topic(Topics.DOMAIN_EVENTS), "K1", small.getBytes(StandardCharsets.UTF_8));

        // Then the big one is in domain-events-dlq as it came, with the reason and the limit
        ConsumerRecord<String, byte[]> rejected = TopicIo.readUntil(topic(Topics.DOMAIN_EVENTS_DLQ),
                records -> records.stream().anyMatch(r -> r.key().equals("K1"))).stream()
                .filter(r -> r.key().equals("K1")).findFirst().orElseThrow();
        assertThat(header(rejected, "error")).isEqualTo("oversized");
        assertThat(header(rejected, "error-detail")).contains(String.valueOf(EVENT_LIMIT + 1),
                String.valueOf(EVENT_LIMIT), "hookline.events.max-bytes");
        assertThat(new String(rejected.value(), StandardCharsets.UTF_8)).isEqualTo(big);
        // And the small one behind it became a job, the big one none
        List<DeliveryJob> jobs = jobsUntil("evt-behind-big");
        assertThat(jobs).extracting(DeliveryJob::eventId).doesNotContain("evt-too-big");
    }

    @Test
    void shouldDeadLetterAJobTooLargeToWriteWithALogRecordAndGoOn() {
        // Given an event under the limit whose job (twenty headers repeating a 50 KB field) exceeds a record
        String bulky = event("evt-bulky", "bulky.created", "K2", "x".repeat(50_000));
        String after = event("evt-after-bulky", "bulky.created", "K2", "small");

        // When
        TopicIo.send(topic(Topics.DOMAIN_EVENTS), "K2", bulky.getBytes(StandardCharsets.UTF_8));
        TopicIo.send(topic(Topics.DOMAIN_EVENTS), "K2", after.getBytes(StandardCharsets.UTF_8));

        // Then the job is on webhook-deliveries-dlq, trimmed, with the reason
        ConsumerRecord<String, byte[]> dead = TopicIo.readUntil(topic(Topics.WEBHOOK_DELIVERIES_DLQ),
                records -> !records.isEmpty()).get(0);
        assertThat(dead.key()).isEqualTo(EndpointKey.of("wh-headers", HEADERS_URL));
        assertThat(header(dead, "error")).isEqualTo("oversized");
        assertThat(header(dead, "error-detail")).contains("bytes");
        JsonNode letter = Json.fromBytes(dead.value(), JsonNode.class);
        assertThat(letter.get("event_id").asText()).isEqualTo("evt-bulky");
        assertThat(letter.get("error").asText()).isEqualTo("oversized");
        assertThat(letter.get("last_error").asText()).startsWith("oversized");
        assertThat(letter.has("body")).isFalse();
        assertThat(letter.get("dropped").toString()).contains("body", "event_data");
        // And the delivery log says why it was never sent
        DeliveryAttempt logged = TopicIo.readUntil(topic(Topics.WEBHOOK_DELIVERY_LOG),
                records -> !records.isEmpty()).stream()
                .map(record -> Json.fromBytes(record.value(), DeliveryAttempt.class))
                .filter(attempt -> attempt.deliveryId().equals(letter.get("delivery_id").asText()))
                .findFirst().orElseThrow();
        assertThat(logged.outcome()).isEqualTo(Outcome.DEAD);
        assertThat(logged.errorClass()).isEqualTo("oversized");
        assertThat(logged.error()).startsWith("oversized");
        // And the event behind it on the same partition became a job
        assertThat(jobsUntil("evt-after-bulky")).extracting(DeliveryJob::url).contains(HEADERS_URL);
    }

    private List<DeliveryJob> jobsUntil(String eventId) {
        return TopicIo.readUntil(topic(Topics.WEBHOOK_DELIVERIES), records -> records.stream()
                        .anyMatch(r -> Json.fromBytes(r.value(), DeliveryJob.class).eventId().equals(eventId)))
                .stream().map(record -> Json.fromBytes(record.value(), DeliveryJob.class)).toList();
    }

    private String topic(io.hookline.contracts.topic.Topic<?, ?> topic) {
        return topic.withPrefix(prefix).name();
    }

    private void publish(WebhookConfig webhook) {
        TopicIo.send(topic(Topics.WEBHOOK_CONFIG), webhook.id(), Json.toBytes(webhook));
    }

    private static WebhookConfig webhook(String id, String url, List<String> eventTypes, JsonNode headers) {
        return new WebhookConfig(id, "acme", 1, id, true, null, url, List.of(), "POST", null, eventTypes, null, null,
                null, null, false, headers, null, null, null, null, null, List.of(), 3, 5000, null, Ordering.NONE,
                null, null, null);
    }

    /** An event without headers whose value is exactly {@code size} bytes. */
    private static String eventOfSize(String id, String type, String subject, int size) {
        int blob = size - event(id, type, subject, "").getBytes(StandardCharsets.UTF_8).length;
        return event(id, type, subject, "x".repeat(blob));
    }

    private static String event(String id, String type, String subject, String blob) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/size\",\"type\":\"" + type
                + "\",\"subject\":\"" + subject + "\",\"tenant\":\"acme\",\"data\":{\"blob\":\"" + blob + "\"}}";
    }
}
