package io.hookline.config.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.topic.Topics;
import io.hookline.testkit.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The event size limit at HTTP ingest, with the default limit of 1 MiB on the real broker (whose own default record
 * limit is also 1 MiB): an event at the limit is taken, one byte more is a 413 that names the limit and writes
 * nothing.
 */
class EventSizeTest {

    private static final int LIMIT = 1024 * 1024;
    /** The record's one header: "content-type" and "application/cloudevents+json". */
    private static final int HEADER_BYTES = 12 + 28;

    private static ConfigServiceInstance service;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("event-size");
        admin = service.admin();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldTakeAnEventOfExactlyTheLimit() {
        String event = eventOfSize("evt-at-limit", "SIZE-1", LIMIT);

        var accepted = admin.post("/api/v1/events", event);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        ConsumerRecord<String, byte[]> written = consumeUntil("evt-at-limit").get(0);
        assertThat(written.value().length + HEADER_BYTES).isEqualTo(LIMIT);
    }

    @Test
    void shouldRefuseAnEventOneByteOverTheLimitWith413AndWriteNothing() {
        String tooLarge = eventOfSize("evt-over-limit", "SIZE-2", LIMIT + 1);

        var refused = admin.post("/api/v1/events", tooLarge);

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText())
                .contains(String.valueOf(LIMIT + 1), String.valueOf(LIMIT), "hookline.events.max-bytes");
        // A later event of the same subject lands on the same partition: everything before it has been read.
        assertThat(admin.post("/api/v1/events", eventOfSize("evt-after", "SIZE-2", 300)).status()).isEqualTo(202);
        assertThat(consumeUntil("evt-after")).extracting(ConsumerRecord::key).containsExactly("SIZE-2");
    }

    @Test
    void shouldRefuseABatchHoldingAnEventOverTheLimitAndWriteNothing() {
        String batch = "[" + eventOfSize("evt-batch-ok", "SIZE-3", 300) + ","
                + eventOfSize("evt-batch-big", "SIZE-3", LIMIT + 1000) + "]";

        var refused = admin.post("/api/v1/events", batch);

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains(String.valueOf(LIMIT));
        assertThat(admin.post("/api/v1/events", eventOfSize("evt-batch-after", "SIZE-3", 300)).status())
                .isEqualTo(202);
        assertThat(consumeUntil("evt-batch-after")).hasSize(1);
    }

    /** A compact event in tenant "default" whose record (value and header) is exactly {@code size} bytes. */
    private static String eventOfSize(String id, String subject, int size) {
        String empty = template(id, subject, "");
        int blob = size - HEADER_BYTES - empty.getBytes(StandardCharsets.UTF_8).length;
        String event = template(id, subject, "x".repeat(blob));
        assertThat(Json.toBytes(readTree(event)).length + HEADER_BYTES).isEqualTo(size);
        return event;
    }

    private static String template(String id, String subject, String blob) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/size\",\"type\":\"incident.triggered\","
                + "\"subject\":\"" + subject + "\",\"tenant\":\"default\",\"data\":{\"blob\":\"" + blob + "\"}}";
    }

    private static Object readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every record of {@code domain-events} from the start up to the event with {@code eventId}. */
    private static List<ConsumerRecord<String, byte[]>> consumeUntil(String eventId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", SharedKafka.bootstrapServers(), "group.id", SharedKafka.uniqueName("size"),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.DOMAIN_EVENTS.withPrefix(service.prefix()).name()));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.stream().anyMatch(record -> id(record).equals(eventId));
            });
            List<ConsumerRecord<String, byte[]>> upTo = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                if (record.key().equals(keyOf(records, eventId))) {
                    upTo.add(record);
                }
                if (id(record).equals(eventId)) {
                    break;
                }
            }
            return upTo;
        }
    }

    private static String keyOf(List<ConsumerRecord<String, byte[]>> records, String eventId) {
        return records.stream().filter(record -> id(record).equals(eventId)).findFirst().orElseThrow().key();
    }

    private static String id(ConsumerRecord<String, byte[]> record) {
        return Json.fromBytes(record.value(), com.fasterxml.jackson.databind.JsonNode.class).get("id").asText();
    }
}
