package io.hookline.matcher.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.topic.TopicCatalog;
import io.hookline.contracts.topic.TopicProvisioner;
import io.hookline.contracts.topic.Topics;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With the default event limit of 1 MiB, on a broker whose own record limit is 1 MiB too: an event of exactly the
 * limit, matched by several webhooks (standard payload, forward_all, a template), becomes a job for each, though
 * every such job carries the event twice and so is larger than the broker's default.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DefaultEventLimitTest implements TestPropertyProvider {

    private static final int EVENT_LIMIT = 1024 * 1024;

    private final String prefix = SharedKafka.uniqueName("matcher-limit") + ".";

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        try (Admin admin = SharedKafka.admin()) {
            new TopicProvisioner(admin, (short) 1).ensure(TopicCatalog.all(prefix, 2));
        }
        publish(webhook("wh-standard", false, null));
        publish(webhook("wh-forward", true, null));
        publish(webhook("wh-template", false, "{\"id\": \"{{ event.id }}\", \"blob\": \"{{ blob }}\"}"));
        try {
            return Map.of("micronaut.server.port", "-1",
                    "hookline.kafka.bootstrap-servers", SharedKafka.bootstrapServers(),
                    "hookline.kafka.topic-prefix", prefix,
                    "hookline.kafka.partitions", "2",
                    "hookline.matcher.state-dir", Files.createTempDirectory("matcher-limit").toString(),
                    "hookline.matcher.commit-interval-ms", "100");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void shouldMakeAJobForEveryWebhookOfAnEventAtTheLimit() {
        // Given
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(client.toBlocking().retrieve(HttpRequest.GET("/health"))).contains("\"status\":\"UP\""));
        String event = eventOfSize(EVENT_LIMIT);

        // When
        TopicIo.send(Topics.DOMAIN_EVENTS.withPrefix(prefix).name(), "BIG-1", event.getBytes(StandardCharsets.UTF_8));

        // Then
        List<DeliveryJob> jobs = TopicIo.readUntil(Topics.WEBHOOK_DELIVERIES.withPrefix(prefix).name(),
                        records -> records.size() >= 3).stream()
                .map(record -> Json.fromBytes(record.value(), DeliveryJob.class)).toList();
        assertThat(jobs).extracting(DeliveryJob::webhookId)
                .containsExactlyInAnyOrder("wh-standard", "wh-forward", "wh-template");
        assertThat(jobs).allSatisfy(job -> {
            assertThat(job.eventId()).isEqualTo("evt-at-limit");
            assertThat(Json.fromBytes(job.eventData().getBytes(StandardCharsets.UTF_8), JsonNode.class)
                    .get("data").get("blob").asText()).hasSize(blobLength(EVENT_LIMIT));
            assertThat(job.body().length()).isGreaterThan(blobLength(EVENT_LIMIT));
        });
    }

    private void publish(WebhookConfig webhook) {
        TopicIo.send(Topics.WEBHOOK_CONFIG.withPrefix(prefix).name(), webhook.id(), Json.toBytes(webhook));
    }

    private static WebhookConfig webhook(String id, boolean forwardAll, String data) {
        return new WebhookConfig(id, "acme", 1, id, true, null, "https://example.com/" + id, List.of(), "POST", null,
                List.of("incident.*"), null, null, null, data, forwardAll, null, null, null, null, null, null,
                List.of(), 3, 5000, null, Ordering.NONE, null, null, null);
    }

    private static String eventOfSize(int size) {
        return event("x".repeat(blobLength(size)));
    }

    private static int blobLength(int size) {
        return size - event("").getBytes(StandardCharsets.UTF_8).length;
    }

    private static String event(String blob) {
        return "{\"specversion\":\"1.0\",\"id\":\"evt-at-limit\",\"source\":\"/size\",\"type\":\"incident.triggered\","
                + "\"subject\":\"BIG-1\",\"tenant\":\"acme\",\"data\":{\"blob\":\"" + blob + "\"}}";
    }
}
