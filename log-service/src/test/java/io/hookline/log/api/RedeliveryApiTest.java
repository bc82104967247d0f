package io.hookline.log.api;

import static io.hookline.log.LogServiceInstance.ADMIN_TOKEN;
import static io.hookline.log.api.LogApiTest.json;
import static io.hookline.log.topology.Attempts.attempt;
import static io.hookline.log.topology.Attempts.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.topic.Topic;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.EndpointKey;
import io.hookline.log.LogServiceInstance;
import io.hookline.log.TopicWriter;
import io.hookline.testkit.SharedKafka;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedeliveryApiTest {

    private static final String URL = "https://example.com/hook";

    private final String prefix = SharedKafka.uniqueName("log-redeliver") + ".";
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
        TopicWriter.webhook(prefix, "wh-r", "default", URL);
        TopicWriter.attempts(prefix, List.of(
                attempt("wh-r", "r-dead", 1, now.minusSeconds(600), Outcome.RETRYING, 500, "x", 5),
                attempt("wh-r", "r-dead", 2, now.minusSeconds(500), Outcome.DEAD, 500, "x", 5),
                attempt("wh-r", "r-failed", 1, now.minusSeconds(400), Outcome.FAILED, 400, "x", 5),
                succeeded("wh-r", "r-ok", now.minusSeconds(300)),
                attempt("wh-r", "r-fixed", 1, now.minusSeconds(250), Outcome.DEAD, 500, "x", 5),
                succeeded("wh-r", "r-fixed", now.minusSeconds(200)),
                attempt("wh-r", "r-old", 1, now.minusSeconds(7200), Outcome.DEAD, 500, "x", 5)));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<String> page = log.get("/api/v1/webhooks/wh-r/responses", ADMIN_TOKEN);
            return page.statusCode() == 200 && json(page.body()).path("count").asInt() == 7;
        });
    }

    @AfterAll
    void stop() {
        jobs.close();
        log.close();
    }

    @Test
    void shouldRedeliverOneDeliveryAsAFreshJobOnTheEndpointKey() {
        HttpResponse<String> response = log.post("/api/v1/deliveries/r-dead/redeliver", ADMIN_TOKEN);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response.body()).path("delivery_ids").findValuesAsText("delivery_ids")).isEmpty();
        assertThat(json(response.body()).path("delivery_ids").get(0).asText()).isEqualTo("r-dead");
        ConsumerRecord<String, DeliveryJob> job = awaitJob("r-dead");
        assertThat(job.key()).isEqualTo(EndpointKey.of("wh-r", URL));
        assertThat(job.value().attempt()).isEqualTo(1);
        assertThat(job.value().redeliveryOf()).isEqualTo("r-dead");
        assertThat(job.value().maxRetries()).isEqualTo(2);
        assertThat(job.value().headers()).doesNotContainKeys("Authorization", "webhook-signature");
    }

    @Test
    void shouldRecoverEveryFailedOrDeadDeliverySinceAPointInTime() {
        HttpResponse<String> response = log.post("/api/v1/webhooks/wh-r/recover?since=" + now.minusSeconds(3600),
                ADMIN_TOKEN);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json(response.body());
        List<String> ids = new ArrayList<>();
        body.path("delivery_ids").forEach(id -> ids.add(id.asText()));
        assertThat(ids).containsExactlyInAnyOrder("r-dead", "r-failed");
        awaitJob("r-failed");
    }

    @Test
    void shouldRefuseASinceBeyondAnyRepresentableInstantAs400NamingTheField() {
        HttpResponse<String> response = log.post("/api/v1/webhooks/wh-r/recover?since=PT9223372036854775807S",
                ADMIN_TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response.body()).path("errors").get(0).path("field").asText()).isEqualTo("since");
    }

    @Test
    void shouldAnswer404ForUnknownDeliveryOrWebhookAndRequireWriteScope() {
        assertThat(log.post("/api/v1/deliveries/nope/redeliver", ADMIN_TOKEN).statusCode()).isEqualTo(404);
        assertThat(log.post("/api/v1/webhooks/nope/recover?since=1h", ADMIN_TOKEN).statusCode()).isEqualTo(404);
        assertThat(log.post("/api/v1/deliveries/r-dead/redeliver", null).statusCode()).isEqualTo(401);
    }

    private ConsumerRecord<String, DeliveryJob> awaitJob(String deliveryId) {
        List<ConsumerRecord<String, DeliveryJob>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            synchronized (jobs) {
                jobs.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
            return seen.stream().anyMatch(record -> record.value().deliveryId().equals(deliveryId));
        });
        return seen.stream().filter(record -> record.value().deliveryId().equals(deliveryId)).findFirst().orElseThrow();
    }
}
