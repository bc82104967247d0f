package io.hookline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.topic.RetryTier;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.EndpointKey;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.Webhooks;
import io.hookline.testkit.SharedKafka;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A burst for one fast endpoint drains from Kafka at the endpoint's pace: jobs beyond what its lane holds wait in
 * their partition for the moments it takes to free a place, and never take a round trip through a retry topic. When
 * another endpoint's job is fetched behind the burst, the burst's excess still goes aside so that job is not held.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BurstTest {

    private static final int BURST = 300;

    private final DispatcherKit kit = new DispatcherKit();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG, 50), new StringSerializer(), new ByteArraySerializer());
    private ApplicationContext dispatcher;

    @BeforeAll
    void start() {
        receiver.start();
        receiver.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        dispatcher = kit.start(Map.of(
                "hookline.kafka.partitions", 1,
                "hookline.dispatcher.max-in-flight", 40,
                "hookline.dispatcher.max-in-flight-per-endpoint", 4,
                "hookline.dispatcher.max-queued-per-endpoint", 10));
    }

    @AfterAll
    void stop() {
        dispatcher.close();
        producer.close();
        receiver.stop();
        kit.close();
    }

    @Test
    void shouldDrainABurstForOneEndpointWithoutPuttingAnyJobAside() throws Exception {
        Webhooks.Spec endpoint = spec("/only");
        kit.publishWebhook(endpoint.config());
        // The lane learns how fast the endpoint answers (a cold receiver's first answers are slow)
        awaitSucceeded(publish(endpoint, 0, 20));
        long asideBefore = retryRecords();

        List<DeliveryJob> burst = publish(endpoint, 100, BURST);

        assertThat(awaitSucceeded(burst)).hasSize(BURST);
        assertThat(retryRecords() - asideBefore).as("records put aside on the retry tiers").isZero();
    }

    @Test
    void shouldStillPutTheBurstAsideForAnotherEndpointsJobFetchedBehindIt() {
        Webhooks.Spec busy = spec("/busy");
        Webhooks.Spec other = spec("/other");
        kit.publishWebhook(busy.config());
        kit.publishWebhook(other.config());

        awaitSucceeded(publish(busy, 1_000, 20));

        List<DeliveryJob> burst = publish(busy, 10_000, BURST);
        List<DeliveryJob> behind = publish(other, 20_000, 1);

        Map<String, DeliveryAttempt> attempts = awaitSucceeded(burst);
        Instant otherSent = awaitSucceeded(behind).values().iterator().next().timestamp();
        Instant burstDone = attempts.values().stream().map(DeliveryAttempt::timestamp).max(Instant::compareTo)
                .orElseThrow();
        assertThat(otherSent).as("the other endpoint's job went before the burst was through").isBefore(burstDone);
    }

    private Webhooks.Spec spec(String path) {
        return Webhooks.Spec.of("http://localhost:" + receiver.port() + path, kit.cipher,
                Webhooks.newSigningSecret());
    }

    /** Produced in one go, so the jobs reach the dispatcher as a backlog, not one by one. */
    private List<DeliveryJob> publish(Webhooks.Spec spec, int from, int count) {
        List<DeliveryJob> jobs = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            DeliveryJob job = spec.job("B-" + i, "{\"n\":" + i + "}", i);
            producer.send(new ProducerRecord<>(kit.topic(Topics.WEBHOOK_DELIVERIES.name()),
                    EndpointKey.of(job.webhookId(), job.url()), Json.toBytes(job)));
            jobs.add(job);
        }
        producer.flush();
        return jobs;
    }

    private Map<String, DeliveryAttempt> awaitSucceeded(List<DeliveryJob> jobs) {
        Set<String> ids = jobs.stream().map(DeliveryJob::deliveryId).collect(Collectors.toSet());
        return await().atMost(DispatcherKit.timeout()).until(() -> kit.attemptLog().values(DeliveryAttempt.class)
                        .stream().filter(attempt -> ids.contains(attempt.deliveryId()))
                        .filter(attempt -> attempt.outcome() == Outcome.SUCCEEDED)
                        .collect(Collectors.toMap(DeliveryAttempt::deliveryId, Function.identity(), (a, b) -> a)),
                found -> found.size() == ids.size());
    }

    private long retryRecords() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> ends = Arrays.stream(RetryTier.values())
                    .map(tier -> new TopicPartition(kit.topic(Topics.retryTier(tier).name()), 0))
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
            return admin.listOffsets(ends).all().get().values().stream()
                    .mapToLong(info -> info.offset()).sum();
        }
    }
}
