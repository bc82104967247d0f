package io.hookline.matcher.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.contracts.delivery.DeliveryJob;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The matcher service end to end on the shared real broker: an event in domain-events becomes a job. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatcherServiceTest implements TestPropertyProvider {

    private final String prefix = SharedKafka.uniqueName("matcher") + ".";

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        // The webhook exists before the service starts, so it arrives through the view's initial load.
        try (Admin admin = SharedKafka.admin()) {
            new TopicProvisioner(admin, (short) 1).ensure(TopicCatalog.all(prefix, 2));
        }
        WebhookConfig webhook = new WebhookConfig("wh-it", "acme", 1, "it", true, null, "https://example.com/it",
                List.of(), "POST", null, List.of("incident.*"), null, null, null,
                "{\"title\": \"{{ incident.title }}\"}", false, null, null, null, null, null, null, List.of(), 3, 5000,
                null, Ordering.SUBJECT, null, null, null);
        send(Topics.WEBHOOK_CONFIG.withPrefix(prefix).name(), "wh-it", Json.toBytes(webhook));
        try {
            Path stateDir = Files.createTempDirectory("matcher-it");
            return Map.of("hookline.kafka.bootstrap-servers", SharedKafka.bootstrapServers(),
                    "hookline.kafka.topic-prefix", prefix,
                    "hookline.kafka.partitions", "2",
                    "hookline.matcher.state-dir", stateDir.toString(),
                    "hookline.matcher.commit-interval-ms", "100");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void shouldTurnAProducedEventIntoAJobOnWebhookDeliveries() {
        // Given the service is up
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(client.toBlocking().retrieve(HttpRequest.GET("/health"))).contains("\"status\":\"UP\"")
                        .contains("\"matcher-webhook-config\":\"running\"")
                        .contains("\"matcher-freshness\":\"running\""));

        // When an event is produced
        String event = """
                {"specversion":"1.0","id":"evt-it-1","source":"/incidents","type":"incident.triggered",
                 "subject":"INC-1","tenant":"acme","data":{"incident":{"title":"DB down"}}}""";
        send(Topics.DOMAIN_EVENTS.withPrefix(prefix).name(), "INC-1", event.getBytes(StandardCharsets.UTF_8));

        // Then a rendered job for the endpoint appears on webhook-deliveries
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> jobs = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.WEBHOOK_DELIVERIES.withPrefix(prefix).name()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(jobs::add);
                return !jobs.isEmpty();
            });
        }
        assertThat(jobs.get(0).key()).isEqualTo(EndpointKey.of("wh-it", "https://example.com/it"));
        DeliveryJob job = Json.fromBytes(jobs.get(0).value().getBytes(StandardCharsets.UTF_8), DeliveryJob.class);
        assertThat(job.eventId()).isEqualTo("evt-it-1");
        assertThat(job.body()).isEqualTo("{\"title\": \"DB down\"}");
        assertThat(job.eventSubject()).isEqualTo("INC-1");
        assertThat(job.position()).matches("\\d+:0");
    }

    private static void send(String topic, String key, byte[] value) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, SharedKafka.uniqueName("matcher-it-reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }
}
