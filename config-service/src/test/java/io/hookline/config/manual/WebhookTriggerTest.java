package io.hookline.config.manual;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import io.hookline.contracts.crypto.SealedHeaders;
import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.topic.Topic;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.EndpointKey;
import io.hookline.rules.match.DeliveryIds;
import io.hookline.testkit.SharedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebhookTriggerTest {

    private static final String EVENT = """
            {"specversion":"1.0","id":"%s","source":"/incidents","type":"incident.triggered","subject":"INC-1",
             "data":{"incident":{"id":"INC-1","title":"DB down"}}}""";

    private static ConfigServiceInstance service;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("trigger");
        admin = service.admin();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldQueueOneJobPerUrlSkippingTheEventTypesAndFilter() {
        // Given a webhook for other event types whose filter never holds, with two URLs
        String id = admin.createWebhook("""
                {"name": "manual", "url": "https://example.com/a", "urls": ["https://example.com/b"],
                 "event_types": ["alert_group.*"], "trigger_type": null, "max_retries": 5, "timeout_ms": 2000,
                 "filter": {"field": "subject", "op": "eq", "value": "never"},
                 "headers": {"X-Incident": "{{ incident.id }}", "X-Api-Key": "key-123"},
                 "data": "{{ incident.title }}"}""");

        // When triggering it with an event
        var response = admin.post("/api/v1/webhooks/" + id + "/trigger", EVENT.formatted("evt-trigger"));

        // Then it answers the delivery ids and both jobs are on webhook-deliveries, keyed by endpoint
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        String first = DeliveryIds.of("/incidents", "evt-trigger", id, "https://example.com/a");
        String second = DeliveryIds.of("/incidents", "evt-trigger", id, "https://example.com/b");
        assertThat(response.json().get("delivery_ids").toString()).isEqualTo("[\"" + first + "\",\"" + second + "\"]");
        List<ConsumerRecord<String, DeliveryJob>> jobs = jobsOf(id, 2);
        ConsumerRecord<String, DeliveryJob> record = jobs.stream()
                .filter(job -> job.value().deliveryId().equals(first)).findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo(EndpointKey.of(id, "https://example.com/a"));
        DeliveryJob job = record.value();
        assertThat(job.webhookId()).isEqualTo(id);
        assertThat(job.webhookVersion()).isEqualTo(1);
        assertThat(job.tenant()).isEqualTo("default");
        assertThat(job.url()).isEqualTo("https://example.com/a");
        assertThat(job.method()).isEqualTo("POST");
        assertThat(job.headers()).containsEntry("X-Incident", "INC-1");
        // A literal value rides the job sealed; only the dispatcher opens it
        assertThat(job.headers().get("X-Api-Key")).doesNotContain("key-123");
        assertThat(SealedHeaders.open(job.headers().get("X-Api-Key"),
                SecretCipher.fromBase64Key(service.secretsKey()))).isEqualTo("key-123");
        assertThat(job.body()).isEqualTo("DB down");
        assertThat(job.eventId()).isEqualTo("evt-trigger");
        assertThat(job.eventType()).isEqualTo("incident.triggered");
        assertThat(job.eventSubject()).isEqualTo("INC-1");
        assertThat(job.trigger()).isEqualTo("incident.triggered");
        assertThat(job.eventData()).contains("DB down");
        assertThat(job.attempt()).isEqualTo(1);
        assertThat(job.maxRetries()).isEqualTo(5);
        assertThat(job.timeoutMs()).isEqualTo(2000);
        assertThat(job.createdAt()).isNotNull();
        assertThat(job.dueAt()).isNull();
    }

    @Test
    void shouldAnswer404ForAnotherTenantsWebhook() {
        // Given a webhook of tenant default and a token of tenant acme
        String id = admin.createWebhook("{\"name\": \"private\", \"url\": \"https://example.com/\"}");
        String acme = admin.post("/api/v1/tokens",
                        "{\"name\": \"acme\", \"tenant\": \"acme\", \"scopes\": [\"webhooks:write\"]}")
                .json().get("token").asText();

        // When acme triggers it, and anyone triggers a webhook that does not exist
        var foreign = service.client().withToken(acme).post("/api/v1/webhooks/" + id + "/trigger",
                EVENT.formatted("evt-foreign"));
        var missing = admin.post("/api/v1/webhooks/wh_missing/trigger", EVENT.formatted("evt-missing"));

        // Then both are not found
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
    }

    @Test
    void shouldAnswer409ForADisabledWebhook() {
        String id = admin.createWebhook(
                "{\"name\": \"off\", \"url\": \"https://example.com/\", \"is_webhook_enabled\": false}");

        var response = admin.post("/api/v1/webhooks/" + id + "/trigger", EVENT.formatted("evt-off"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asText()).contains("disabled");
    }

    @Test
    void shouldRefuseAnInvalidEvent() {
        String id = admin.createWebhook("{\"name\": \"strict\", \"url\": \"https://example.com/\"}");

        var noSource = admin.post("/api/v1/webhooks/" + id + "/trigger",
                "{\"specversion\":\"1.0\",\"id\":\"e\",\"type\":\"t\"}");
        var notAnObject = admin.post("/api/v1/webhooks/" + id + "/trigger", "[1]");

        assertThat(noSource.status()).isEqualTo(400);
        assertThat(noSource.json().get("errors").get(0).get("field").asText()).isEqualTo("source");
        assertThat(notAnObject.status()).isEqualTo(400);
    }

    @Test
    void shouldAnswer422WithTheLocationWhenTheTemplateFails() {
        String id = admin.createWebhook("""
                {"name": "broken", "url": "https://example.com/", "data": "{{ event.id.toUpperCase() }}"}""");

        var response = admin.post("/api/v1/webhooks/" + id + "/trigger", EVENT.formatted("evt-broken"));

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("detail").asText()).contains("data: line 1");
    }

    @Test
    void shouldQueueTheRequestARequestTemplateRenders() {
        // Given a Handlebars request template in All Quiet's shape
        String template = "{\"method\": \"PUT\", \"url\": \"https://tickets.example/{{incident.id}}\", "
                + "\"headers\": {\"X-Title\": \"{{incident.title}}\"}, \"body\": {\"text\": \"{{incident.title}}\"}}";
        String id = admin.createWebhook("{\"name\": \"templated\", \"url\": \"https://example.com/\", "
                + "\"template_engine\": \"handlebars\", \"request_template\": \"" + template.replace("\"", "\\\"") + "\"}");

        // When triggering it
        var response = admin.post("/api/v1/webhooks/" + id + "/trigger", EVENT.formatted("evt-templated"));

        // Then the one job goes to the rendered URL, keyed by the webhook's endpoint (its url), with the rendered
        // method, headers and body
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        ConsumerRecord<String, DeliveryJob> record = jobsOf(id, 1).get(0);
        assertThat(record.key()).isEqualTo(EndpointKey.of(id, "https://example.com/"));
        assertThat(record.value().url()).isEqualTo("https://tickets.example/INC-1");
        assertThat(record.value().endpointUrl()).isEqualTo("https://example.com/");
        assertThat(record.value().method()).isEqualTo("PUT");
        assertThat(record.value().headers()).containsEntry("X-Title", "DB down")
                .containsEntry("Content-Type", "text/plain; charset=utf-8");
        assertThat(record.value().body()).isEqualTo("DB down");
        assertThat(response.json().get("delivery_ids").get(0).asText())
                .isEqualTo(DeliveryIds.of("/incidents", "evt-templated", id, "https://tickets.example/INC-1"));
    }

    @Test
    void shouldAnswer422WhenARequestTemplateRendersNoUsableRequest() {
        String id = admin.createWebhook("""
                {"name": "bad method", "url": "https://example.com/", "template_engine": "handlebars",
                 "request_template": "{\\"method\\": \\"BREW\\", \\"url\\": \\"https://example.com/\\"}"}""");

        var response = admin.post("/api/v1/webhooks/" + id + "/trigger", EVENT.formatted("evt-brew"));

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("detail").asText()).contains("request_template: ", "\"method\" must be one of");
    }

    @Test
    void shouldRequireATokenWithTheWriteScope() {
        String id = admin.createWebhook("{\"name\": \"guarded\", \"url\": \"https://example.com/\"}");
        String reader = admin.post("/api/v1/tokens", "{\"name\": \"r\", \"scopes\": [\"webhooks:read\"]}")
                .json().get("token").asText();

        var anonymous = service.client().post("/api/v1/webhooks/" + id + "/trigger", EVENT.formatted("e1"));
        var readOnly = service.client().withToken(reader).post("/api/v1/webhooks/" + id + "/trigger",
                EVENT.formatted("e2"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(readOnly.status()).isEqualTo(403);
    }

    private static List<ConsumerRecord<String, DeliveryJob>> jobsOf(String webhookId, int count) {
        Topic<String, DeliveryJob> topic = Topics.WEBHOOK_DELIVERIES.withPrefix(service.prefix());
        try (KafkaConsumer<String, DeliveryJob> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, DeliveryJob>> jobs = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value().webhookId().equals(webhookId)) {
                        jobs.add(record);
                    }
                });
                return jobs.size() >= count;
            });
            return jobs;
        }
    }
}
