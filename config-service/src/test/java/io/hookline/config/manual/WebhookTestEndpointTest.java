package io.hookline.config.manual;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.topic.Topic;
import io.hookline.contracts.topic.Topics;
import io.hookline.testkit.SharedKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/webhooks/{id}/test}. The dispatcher is played by {@link #dispatchOnce}: it takes the job from
 * webhook-deliveries and logs an attempt on webhook-delivery-log, as the real one does after sending.
 */
class WebhookTestEndpointTest {

    private static ConfigServiceInstance service;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("webhook-test");
        admin = service.admin();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldAnswerWithTheRequestAndResponseTheDispatcherLogged() throws Exception {
        // Given a webhook and a dispatcher that answers its next job
        String id = admin.createWebhook(
                "{\"name\": \"tested\", \"url\": \"https://example.com/hook\", \"timeout_ms\": 3000}");
        CompletableFuture<DeliveryJob> dispatched = CompletableFuture.supplyAsync(() -> dispatchOnce(id));

        // When testing it with a catalogue event type
        var response = admin.post("/api/v1/webhooks/" + id + "/test", "{\"event_type\": \"incident.triggered\"}");

        // Then the answer shows the logged request and response of the sample event's delivery
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        DeliveryJob job = dispatched.get();
        assertThat(job.eventType()).isEqualTo("incident.triggered");
        assertThat(job.eventData()).contains("DB down");
        JsonNode result = response.json();
        assertThat(result.get("delivery_ids").get(0).asText()).isEqualTo(job.deliveryId());
        JsonNode request = result.get("requests").get(0);
        assertThat(request.get("url").asText()).isEqualTo("https://example.com/hook");
        assertThat(request.get("headers").get("webhook-signature").asText()).isEqualTo("****************");
        assertThat(request.get("body").asText()).isEqualTo(job.body());
        JsonNode answer = result.get("responses").get(0);
        assertThat(answer.get("status_code").asInt()).isEqualTo(204);
        assertThat(answer.get("headers").get("x-receiver").asText()).isEqualTo("ok");
        assertThat(answer.get("duration_ms").asLong()).isEqualTo(42);
        assertThat(answer.get("error").isNull()).isTrue();
    }

    @Test
    void shouldAnswer504WhenNoDispatcherLogsAnAttemptButLeaveTheJobQueued() {
        // Given a webhook with a short timeout and no dispatcher
        String id = admin.createWebhook(
                "{\"name\": \"unattended\", \"url\": \"https://example.com/\", \"timeout_ms\": 500}");

        // When testing it with data of its own
        var response = admin.post("/api/v1/webhooks/" + id + "/test",
                "{\"event_type\": \"custom.thing\", \"data\": {\"answer\": 42}}");

        // Then it answers 504 after timeout_ms + 5 s, and the job is queued with the given data
        assertThat(response.status()).as(response.body()).isEqualTo(504);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("dispatcher");
        DeliveryJob job = dispatchOnce(id);
        assertThat(job.eventType()).isEqualTo("custom.thing");
        assertThat(job.eventData()).contains("\"answer\":42");
    }

    @Test
    void shouldRefuseBadRequestsForeignAndDisabledWebhooks() {
        String id = admin.createWebhook("{\"name\": \"checked\", \"url\": \"https://example.com/\"}");
        String off = admin.createWebhook(
                "{\"name\": \"off\", \"url\": \"https://example.com/\", \"is_webhook_enabled\": false}");
        String acme = token("{\"name\": \"acme\", \"tenant\": \"acme\", \"scopes\": [\"webhooks:write\"]}");
        String reader = token("{\"name\": \"reader\", \"scopes\": [\"webhooks:read\"]}");
        String body = "{\"event_type\": \"incident.triggered\"}";

        var noType = admin.post("/api/v1/webhooks/" + id + "/test", "{\"data\": {}, \"colour\": 1}");
        var foreign = service.client().withToken(acme).post("/api/v1/webhooks/" + id + "/test", body);
        var disabled = admin.post("/api/v1/webhooks/" + off + "/test", body);
        var anonymous = service.client().post("/api/v1/webhooks/" + id + "/test", body);
        var readOnly = service.client().withToken(reader).post("/api/v1/webhooks/" + id + "/test", body);

        assertThat(noType.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        noType.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("event_type", "colour");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(disabled.status()).isEqualTo(409);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(readOnly.status()).isEqualTo(403);
    }

    private static String token(String request) {
        return admin.post("/api/v1/tokens", request).json().get("token").asText();
    }

    /** Takes the first job of {@code webhookId} and logs a successful attempt for it, as a dispatcher would. */
    private static DeliveryJob dispatchOnce(String webhookId) {
        Topic<String, DeliveryJob> jobs = Topics.WEBHOOK_DELIVERIES.withPrefix(service.prefix());
        Topic<String, DeliveryAttempt> log = Topics.WEBHOOK_DELIVERY_LOG.withPrefix(service.prefix());
        List<DeliveryJob> found = new ArrayList<>();
        try (KafkaConsumer<String, DeliveryJob> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                jobs.keySerde().deserializer(), jobs.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(jobs.name()).stream()
                    .map(info -> new TopicPartition(jobs.name(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value().webhookId().equals(webhookId)) {
                        found.add(record.value());
                    }
                });
                return !found.isEmpty();
            });
        }
        DeliveryJob job = found.get(0);
        DeliveryAttempt attempt = new DeliveryAttempt(job.deliveryId(), job.webhookId(), job.tenant(), 1,
                Instant.now(), job.url(), job.method(), Map.of("webhook-signature", "****************"), job.body(),
                false, 204, Map.of("x-receiver", "ok"), "", false, 42, Outcome.SUCCEEDED, null, null, null,
                job.eventId(), job.eventType(), job.trigger(), job.eventData());
        try (KafkaProducer<String, DeliveryAttempt> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                log.keySerde().serializer(), log.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(log.name(), job.webhookId(), attempt)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not log the attempt", e);
        }
        return job;
    }
}
