package io.hookline.log.api;

import static io.hookline.log.LogServiceInstance.ADMIN_TOKEN;
import static io.hookline.log.api.LogApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.topic.Topic;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.log.LogServiceInstance;
import io.hookline.log.TopicWriter;
import io.hookline.testkit.SharedKafka;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A redelivery takes the request's headers and secrets from the webhook as configured now, never from the delivery
 * log, where they are masked: the receiver that requires {@code X-Api-Key} gets it, with its current value. When the
 * webhook or the URL is gone, the answer is a problem, not a request that cannot succeed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedeliveryCredentialsTest {

    private static final String MASK = "****************";
    private static final String URL = "https://receiver.example.com/hook";
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private final String prefix = SharedKafka.uniqueName("log-credentials") + ".";
    private final SecretCipher cipher = SecretCipher.fromBase64Key(SecretCipher.generateBase64Key());
    private final Instant now = Instant.now();
    private LogServiceInstance log;
    private KafkaConsumer<String, DeliveryJob> jobs;

    @BeforeAll
    void start() {
        log = LogServiceInstance.start(prefix, Map.of());
        Topic<String, DeliveryJob> topic = Topics.WEBHOOK_DELIVERIES.withPrefix(prefix);
        jobs = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        List<TopicPartition> partitions = jobs.partitionsFor(topic.name()).stream()
                .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
        jobs.assign(partitions);
        jobs.seekToBeginning(partitions);

        // A webhook with a secret header and an (encrypted) Authorization header; two deliveries failed with 401
        TopicWriter.webhook(prefix, webhook("wh-key", 1, URL, "key-at-the-time"));
        // A webhook whose URL changed after its delivery failed, and one that was deleted
        TopicWriter.webhook(prefix, webhook("wh-moved", 1, URL, "k"));
        TopicWriter.webhook(prefix, webhook("wh-gone", 1, URL, "k"));
        TopicWriter.attempts(prefix, List.of(
                failed("wh-key", "k-dead", "INC-7", Outcome.DEAD, 600),
                failed("wh-key", "k-failed", "INC-8", Outcome.FAILED, 500),
                failed("wh-moved", "m-dead", "INC-9", Outcome.DEAD, 400),
                failed("wh-gone", "g-dead", "INC-10", Outcome.DEAD, 300)));
        // The key is rotated after the failures: a redelivery must carry the new one
        TopicWriter.webhook(prefix, webhook("wh-key", 2, URL, "key-now"));
        TopicWriter.webhook(prefix, webhook("wh-moved", 2, "https://elsewhere.example.com/hook", "k"));
        TopicWriter.deleteWebhook(prefix, "wh-gone");
        await().atMost(Duration.ofSeconds(60)).until(() -> logged("wh-key") == 2 && logged("wh-moved") == 1
                && logged("wh-gone") == 1);
    }

    @AfterAll
    void stop() {
        jobs.close();
        log.close();
    }

    @Test
    void shouldRedeliverWithTheSecretHeaderOfTheCurrentConfig() {
        // When
        HttpResponse<String> response = log.post("/api/v1/deliveries/k-dead/redeliver", ADMIN_TOKEN);

        // Then
        assertThat(response.statusCode()).isEqualTo(202);
        DeliveryJob job = awaitJob("k-dead");
        assertThat(job.headers()).containsEntry("X-Api-Key", "key-now")
                .containsEntry("X-Subject", "INC-7")
                .containsEntry("traceparent", TRACEPARENT);
        assertThat(job.headers().values()).noneMatch(value -> value.contains("****"));
        // The dispatcher adds Authorization and the signature from this version of the config.
        assertThat(job.webhookVersion()).isEqualTo(2);
    }

    @Test
    void shouldRecoverWithTheSecretHeaderOfTheCurrentConfig() {
        // When
        HttpResponse<String> response = log.post("/api/v1/webhooks/wh-key/recover?since=1h", ADMIN_TOKEN);

        // Then
        assertThat(response.statusCode()).isEqualTo(202);
        List<String> ids = new ArrayList<>();
        json(response.body()).path("delivery_ids").forEach(id -> ids.add(id.asText()));
        assertThat(ids).containsExactlyInAnyOrder("k-dead", "k-failed");
        DeliveryJob job = awaitJob("k-failed");
        assertThat(job.headers()).containsEntry("X-Api-Key", "key-now").containsEntry("X-Subject", "INC-8");
        assertThat(job.webhookVersion()).isEqualTo(2);
    }

    @Test
    void shouldAnswerAProblemInsteadOfSendingToARemovedUrl() {
        HttpResponse<String> redeliver = log.post("/api/v1/deliveries/m-dead/redeliver", ADMIN_TOKEN);
        HttpResponse<String> recover = log.post("/api/v1/webhooks/wh-moved/recover?since=1h", ADMIN_TOKEN);

        assertProblem(redeliver, "was removed from webhook wh-moved");
        assertProblem(recover, "was removed from webhook wh-moved");
    }

    @Test
    void shouldAnswerAProblemForADeletedWebhook() {
        HttpResponse<String> redeliver = log.post("/api/v1/deliveries/g-dead/redeliver", ADMIN_TOKEN);
        HttpResponse<String> recover = log.post("/api/v1/webhooks/wh-gone/recover?since=1h", ADMIN_TOKEN);

        assertProblem(redeliver, "webhook wh-gone was deleted");
        assertProblem(recover, "webhook wh-gone was deleted");
    }

    private static void assertProblem(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response.body()).path("detail").asText()).contains(detail);
    }

    private WebhookConfig webhook(String id, long version, String url, String apiKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Api-Key", apiKey);
        headers.put("X-Subject", "{{ event.subject }}");
        return new WebhookConfig(id, "default", version, "hook " + id, true, null, url, List.of(), "POST", null,
                List.of("*"), null, null, null, null, false, Json.MAPPER.valueToTree(headers), null, null,
                cipher.encrypt("Bearer live-token"), null, null, List.of(), 2, 5000, null, null, null, now, now);
    }

    /** As the dispatcher logs a 401: secret headers masked, the rendered ones and the trace context in clear. */
    private DeliveryAttempt failed(String webhookId, String deliveryId, String subject, Outcome outcome,
                                   long secondsAgo) {
        Map<String, String> sent = Map.of("Content-Type", "application/json", "User-Agent", "Hookline/0.1.0",
                "webhook-id", deliveryId, "webhook-timestamp", "1700000000", "webhook-signature", MASK,
                "Authorization", MASK, "X-Api-Key", MASK, "X-Subject", subject, "traceparent", TRACEPARENT);
        String event = "{\"specversion\":\"1.0\",\"id\":\"evt-" + deliveryId + "\",\"source\":\"/incidents\","
                + "\"type\":\"incident.triggered\",\"subject\":\"" + subject + "\",\"data\":{\"n\":1}}";
        return new DeliveryAttempt(deliveryId, webhookId, "default", 1, now.minusSeconds(secondsAgo), URL, "POST",
                sent, "{\"n\":1}", false, 401, Map.of(), "missing api key", false, 12, outcome, "HTTP 401",
                "http_status", null, "evt-" + deliveryId, "incident.triggered", "incident.triggered", event);
    }

    private int logged(String webhookId) {
        HttpResponse<String> page = log.get("/api/v1/webhooks/" + webhookId + "/responses", ADMIN_TOKEN);
        return page.statusCode() == 200 ? json(page.body()).path("count").asInt() : -1;
    }

    private DeliveryJob awaitJob(String deliveryId) {
        List<ConsumerRecord<String, DeliveryJob>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            synchronized (jobs) {
                jobs.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
            return seen.stream().anyMatch(record -> record.value().deliveryId().equals(deliveryId));
        });
        return seen.stream().filter(record -> record.value().deliveryId().equals(deliveryId)).findFirst()
                .orElseThrow().value();
    }
}
