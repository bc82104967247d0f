package io.hookline.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.topic.RetryTier;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.EndpointKey;
import io.hookline.dispatcher.consumer.DeliveryConsumer;
import io.hookline.dispatcher.support.DispatcherKit;
import io.hookline.dispatcher.support.GatedReceiver;
import io.hookline.dispatcher.support.Webhooks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A second dispatcher joins the group while the first has requests in flight and jobs waiting: the first never
 * sends a job of a partition it lost after losing it, and the partitions it keeps are not taken from it meanwhile.
 */
class RebalanceTest {

    private static final int PARTITIONS = 2;
    private static final int JOBS_PER_ENDPOINT = 4;

    private final DispatcherKit kit = new DispatcherKit();
    private final GatedReceiver receiver = new GatedReceiver();
    private final List<ApplicationContext> dispatchers = new ArrayList<>();
    private String protocol;

    @AfterEach
    void stop() {
        receiver.open();
        dispatchers.forEach(ApplicationContext::close);
        receiver.close();
        kit.close();
    }

    @Test
    void shouldNotSendJobsOfALostPartitionAndKeepThePartitionsItKept() {
        rebalanceUnderLoad("consumer");
    }

    @Test
    void shouldNotSendJobsOfALostPartitionWithTheClassicProtocolEither() {
        rebalanceUnderLoad("classic");
    }

    private void rebalanceUnderLoad(String protocol) {
        this.protocol = protocol;
        // Given one dispatcher with one request in flight per endpoint (the receiver does not answer yet) and the
        // other jobs of each endpoint waiting in its lanes, over endpoints in both partitions
        ApplicationContext first = start("first");
        Map<Webhooks.Spec, Integer> endpoints = endpointsInEveryPartition();
        Map<Webhooks.Spec, List<DeliveryJob>> jobs = new LinkedHashMap<>();
        endpoints.keySet().forEach(spec -> kit.publishWebhook(spec.config()));
        for (Webhooks.Spec spec : endpoints.keySet()) {
            for (int i = 0; i < JOBS_PER_ENDPOINT; i++) {
                DeliveryJob job = spec.job("S-" + i, "{}", i);
                jobs.computeIfAbsent(spec, key -> new ArrayList<>()).add(job);
                kit.publishJob(job);
            }
        }
        await().atMost(DispatcherKit.timeout()).until(() -> receiver.received().size() == endpoints.size());

        // When a second dispatcher joins the group
        ApplicationContext second = start("second");
        await().atMost(DispatcherKit.timeout()).until(() -> receiver.received().stream()
                .anyMatch(request -> request.userAgent().endsWith("/second")));
        int allPartitions = PARTITIONS * (RetryTier.values().length + 1);
        await().atMost(DispatcherKit.timeout()).until(() -> !consumer(second).assignment().isEmpty()
                && consumer(first).assignment().size() + consumer(second).assignment().size() == allPartitions);
        Set<TopicPartition> lost = consumer(second).assignment();
        Set<TopicPartition> keptByFirst = consumer(first).assignment();
        receiver.open();

        // Then every job is delivered
        jobs.values().stream().flatMap(List::stream).forEach(job -> await().atMost(DispatcherKit.timeout())
                .until(() -> kit.attemptsOf(job.deliveryId()).stream()
                        .anyMatch(attempt -> attempt.outcome() == Outcome.SUCCEEDED)));

        // And each instance holds the same partition numbers of every delivery topic (range, co-partitioned)
        assertThat(lost).isNotEmpty();
        assertThat(keptByFirst).isNotEmpty().doesNotContainAnyElementsOf(lost);
        assertThat(numbers(lost)).doesNotContainAnyElementsOf(numbers(keptByFirst));
        assertThat(lost).hasSize(numbers(lost).size() * (RetryTier.values().length + 1));

        // And the first sent, of the endpoints it lost, only the request in flight when it lost them, and of those
        // it kept every job exactly once: its kept partitions were never revoked and read again
        String deliveries = kit.topic(Topics.WEBHOOK_DELIVERIES.name());
        endpoints.forEach((spec, partition) -> {
            List<String> sentByFirst = sentBy("first", jobs.get(spec));
            boolean moved = lost.contains(new TopicPartition(deliveries, partition));
            if (moved) {
                assertThat(sentByFirst).as("jobs of a lost partition sent by the first")
                        .containsExactly(jobs.get(spec).get(0).deliveryId());
            } else if (protocol.equals("classic")) {
                // Eager: every partition was revoked and assigned again, so the request in flight went out twice
                assertThat(sentByFirst).as("jobs of a kept partition sent by the first")
                        .containsAll(ids(jobs.get(spec))).hasSize(JOBS_PER_ENDPOINT + 1);
            } else {
                assertThat(sentByFirst).as("jobs of a kept partition sent by the first")
                        .containsExactlyInAnyOrderElementsOf(ids(jobs.get(spec)));
            }
        });
        double revoked = first.getBean(MeterRegistry.class).get("hookline.dispatcher.partitions.revoked").counter()
                .count();
        assertThat(revoked).isEqualTo(protocol.equals("classic") ? lost.size() + keptByFirst.size() : lost.size());
    }

    private ApplicationContext start(String name) {
        ApplicationContext dispatcher = kit.start(Map.of(
                "hookline.kafka.partitions", PARTITIONS,
                "hookline.dispatcher.max-in-flight-per-endpoint", 1,
                "hookline.dispatcher.version", name,
                "hookline.dispatcher.group-protocol", protocol));
        dispatchers.add(dispatcher);
        return dispatcher;
    }

    /** Two endpoints in each partition of the delivery topics, found by the producer's own partitioner. */
    private Map<Webhooks.Spec, Integer> endpointsInEveryPartition() {
        Map<Webhooks.Spec, Integer> endpoints = new LinkedHashMap<>();
        Map<Integer, Integer> perPartition = new HashMap<>();
        while (perPartition.size() < PARTITIONS || perPartition.values().stream().anyMatch(count -> count < 2)) {
            Webhooks.Spec spec = Webhooks.Spec.of(receiver.url("/hook"), kit.cipher, Webhooks.newSigningSecret())
                    .timeoutMs(30_000);
            int partition = partitionOf(EndpointKey.of(spec.id(), spec.url()));
            if (perPartition.merge(partition, 1, Integer::sum) <= 2) {
                endpoints.put(spec, partition);
            }
        }
        return endpoints;
    }

    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    /** The jobs of {@code ofEndpoint} that {@code instance} sent, once per request. */
    private List<String> sentBy(String instance, List<DeliveryJob> ofEndpoint) {
        Set<String> ids = Set.copyOf(ids(ofEndpoint));
        return receiver.received().stream()
                .filter(request -> request.userAgent().endsWith("/" + instance))
                .map(GatedReceiver.Received::webhookId)
                .filter(ids::contains)
                .toList();
    }

    private static DeliveryConsumer consumer(ApplicationContext dispatcher) {
        return dispatcher.getBean(DeliveryConsumer.class);
    }

    private static Set<Integer> numbers(Set<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
    }

    private static List<String> ids(List<DeliveryJob> jobs) {
        return jobs.stream().map(DeliveryJob::deliveryId).toList();
    }
}
