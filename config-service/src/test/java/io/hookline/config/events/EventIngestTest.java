package io.hookline.config.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.event.DomainEventParser;
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

class EventIngestTest {

    private static final String EVENT = """
            {"specversion":"1.0","id":"%s","source":"/incidents","type":"incident.triggered","subject":%s,
             "data":{"incident":{"id":"INC-123","title":"DB down"}}}""";

    private static ConfigServiceInstance service;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("ingest");
        admin = service.admin();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldProduceABatchKeyedBySubjectInTheCallersTenant() throws Exception {
        var accepted = admin.post("/api/v1/events", "[" + EVENT.formatted("evt-1", "\"INC-123\"") + ","
                + EVENT.formatted("evt-2", "null") + "]");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().get("ids").toString()).isEqualTo("[\"evt-1\",\"evt-2\"]");
        List<ConsumerRecord<String, byte[]>> records = consume(2);
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("INC-123", "evt-2");
        ConsumerRecord<String, byte[]> first = records.stream().filter(r -> r.key().equals("INC-123")).findFirst()
                .orElseThrow();
        assertThat(new String(first.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json");
        DomainEvent event = new DomainEventParser().parseStructured(first.value());
        assertThat(event.id()).isEqualTo("evt-1");
        assertThat(event.tenant()).isEqualTo("default");
        assertThat(event.data().get("incident").get("title").asText()).isEqualTo("DB down");
    }

    @Test
    void shouldPointAtTheBadElementOfABatch() {
        var refused = admin.post("/api/v1/events", "[" + EVENT.formatted("ok", "null")
                + ", {\"specversion\": \"1.0\", \"id\": \"x\", \"source\": \"/s\"}]");

        assertThat(refused.status()).isEqualTo(400);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("[1]");
        assertThat(error.get("message").asText()).contains("type");
    }

    @Test
    void shouldRefuseAnEventOfAnotherTenantUnlessBootstrapAdmin() {
        var created = admin.post("/api/v1/tokens",
                "{\"name\": \"producer\", \"tenant\": \"acme\", \"scopes\": [\"events:write\"]}").json();
        ApiClient acme = service.client().withToken(created.get("token").asText());
        String foreign = "{\"specversion\":\"1.0\",\"id\":\"f\",\"source\":\"/s\",\"type\":\"t\",\"tenant\":\"globex\"}";

        assertThat(acme.post("/api/v1/events", foreign).status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/events", foreign).status()).isEqualTo(202);
    }

    private static List<ConsumerRecord<String, byte[]>> consume(int count) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", SharedKafka.bootstrapServers(), "group.id", SharedKafka.uniqueName("ingest"),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.DOMAIN_EVENTS.withPrefix(service.prefix()).name()));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
            return records;
        }
    }
}
