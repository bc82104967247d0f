package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.EndpointKey;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.hookline.testkit.SharedKafka;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A job the dispatcher cannot read goes to the dead-letter topic as it came, with why; the jobs behind it go on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnreadableJobsTest {

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private ApplicationContext dispatcher;

    @BeforeAll
    void start() {
        receiver.start();
        receiver.stubFor(any(urlPathEqualTo("/ok")).willReturn(aResponse().withStatus(200)));
        receiver.stubFor(any(urlPathEqualTo("/broken")).willReturn(aResponse().withStatus(500)));
        dispatcher = kit.start(Map.of("hookline.kafka.partitions", 1));
    }

    @AfterAll
    void stop() {
        dispatcher.close();
        receiver.stop();
        kit.close();
    }

    @Test
    void shouldSendUnreadableJobsToTheDeadLetterTopicAsTheyCameAndGoOn() throws Exception {
        // Given a job from a newer matcher (an ordering this dispatcher does not know), bytes that are not JSON,
        // and a good job behind them in the same partition
        var spec = Webhooks.Spec.of("http://localhost:" + receiver.port() + "/ok", kit.cipher,
                Webhooks.newSigningSecret());
        kit.publishWebhook(spec.config());
        DeliveryJob good = spec.job("S-1", "{}", 1);
        String key = EndpointKey.of(spec.id(), spec.url());
        byte[] newer = Json.toString(good).replace("\"ordering\":\"none\"", "\"ordering\":\"by_tenant\"")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(new String(newer, StandardCharsets.UTF_8)).contains("by_tenant");
        byte[] garbage = "not json {".getBytes(StandardCharsets.UTF_8);
        String deliveries = kit.topic(Topics.WEBHOOK_DELIVERIES.name());

        // When
        kit.send(deliveries, key, newer);
        kit.send(deliveries, key, garbage);
        kit.publishJob(good);

        // Then both unreadable records are on the dead-letter topic with their key, bytes and reason
        List<ConsumerRecord<String, byte[]>> dead = await().atMost(DispatcherKit.timeout())
                .until(() -> kit.reader(Topics.WEBHOOK_DELIVERIES_DLQ.name()).records().stream()
                        .filter(record -> key.equals(record.key())).toList(), found -> found.size() >= 2);
        assertThat(dead).hasSize(2);
        assertThat(dead).extracting(ConsumerRecord::key).containsExactly(key, key);
        assertThat(dead.get(0).value()).isEqualTo(newer);
        assertThat(dead.get(1).value()).isEqualTo(garbage);
        assertThat(dead).allSatisfy(record -> {
            assertThat(header(record, "error")).isEqualTo("unreadable");
            assertThat(header(record, "error-detail")).isNotBlank();
        });
        assertThat(header(dead.get(0), "error-detail")).containsIgnoringCase("by_tenant");

        // And the good job behind them is delivered, and the offsets move past all three
        await().atMost(DispatcherKit.timeout()).until(() -> kit.attemptsOf(good.deliveryId()).stream()
                .anyMatch(attempt -> attempt.outcome() == Outcome.SUCCEEDED));
        TopicPartition partition = new TopicPartition(deliveries, 0);
        long end = endOffset(partition);
        await().atMost(DispatcherKit.timeout()).until(() -> committed(partition) == end);
    }

    @Test
    void shouldMarkAnExhaustedJobOnTheDeadLetterTopicTheSameWay() {
        // Given an endpoint that fails and a job without retries
        var spec = Webhooks.Spec.of("http://localhost:" + receiver.port() + "/broken", kit.cipher,
                Webhooks.newSigningSecret()).maxRetries(0).timeoutMs(20_000);
        kit.publishWebhook(spec.config());
        DeliveryJob job = spec.job("S-2", "{}", 2);

        // When
        kit.publishJob(job);

        // Then its dead letter is the job with its last error, with the same headers as any other
        ConsumerRecord<String, byte[]> dead = await().atMost(DispatcherKit.timeout())
                .until(() -> kit.reader(Topics.WEBHOOK_DELIVERIES_DLQ.name()).records().stream()
                        .filter(record -> new String(record.value(), StandardCharsets.UTF_8)
                                .contains(job.deliveryId())).findFirst(), found -> found.isPresent()).orElseThrow();
        assertThat(Json.fromBytes(dead.value(), DeliveryJob.class).lastError()).isEqualTo("HTTP 500");
        assertThat(header(dead, "error")).isEqualTo("exhausted");
        assertThat(header(dead, "error-detail")).isEqualTo("HTTP 500");
        List<DeliveryAttempt> attempts = await().atMost(DispatcherKit.timeout())
                .until(() -> kit.attemptsOf(job.deliveryId()), found -> !found.isEmpty());
        assertThat(attempts).extracting(DeliveryAttempt::outcome).containsExactly(Outcome.DEAD);
    }

    private static long endOffset(TopicPartition partition) throws Exception {
        try (Admin admin = SharedKafka.admin()) {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
        }
    }

    private long committed(TopicPartition partition) throws Exception {
        try (Admin admin = SharedKafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(kit.groupId)
                    .partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata offset = offsets.get(partition);
            return offset == null ? -1 : offset.offset();
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
