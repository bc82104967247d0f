package io.hookline.cluster.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.contracts.size.SizeLimits;
import io.hookline.contracts.topic.TopicCatalog;
import io.hookline.contracts.topic.TopicProvisioner;
import io.hookline.local.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * CONTRACT.md section 8, "Scale": on a three-broker cluster (replication 3, min.insync.replicas 2) with two instances
 * of every service, each its own process, every event accepted into {@code domain-events} reaches every matching
 * endpoint although a broker stops midway (test A), or one instance of each service dies by SIGKILL midway (test
 * B); and the delivery log answers throughout on either log-service instance, with at most a 503 and Retry-After
 * while partitions move. Events go straight to Kafka (idempotent, acks=all); webhooks are made through the API.
 * Both tests share one cluster and one fleet (starting eight JVMs is most of the cost); each has its own webhooks
 * and event type, and test A brings the broker back before test B.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultIT {

    /**
     * Four webhooks per test, 20,000 deliveries. Jobs are keyed by endpoint, so with fewer endpoints all of them can
     * land on the partitions of the one dispatcher that dies, and nothing would show the survivor going on.
     */
    private static final int EVENTS = 5_000;
    private static final int WEBHOOKS = 4;
    /** The fault comes once this share of the first half's deliveries arrived. */
    private static final double FAULT_AT = 0.3;
    /** Covers the 45 s session timeout a SIGKILLed consumer's partitions wait for, and a slow shared machine. */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(2);
    /** Queries answered 200 in a row by each live log-service instance before the cluster counts as settled. */
    private static final int SETTLED_IN_A_ROW = 8;
    private static final int STOPPED_BROKER = 1;

    private Path workDir;
    private ThreeBrokerCluster cluster;
    private ServiceFleet fleet;
    private CountingReceiver receiver;
    private LogQueryProbe probe;
    private FleetSecrets secrets;
    private final StringBuilder report = new StringBuilder();
    private long startNanos;

    @BeforeAll
    void startClusterAndFleet() throws Exception {
        startNanos = System.nanoTime();
        // Under target: the services' logs and state stay there for a look after a failure, until the next clean.
        workDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "cluster-fault-it-");
        cluster = ThreeBrokerCluster.start(workDir.resolve("kafka"));
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, (short) 3, 2).ensure(TopicCatalog.all("", ServiceFleet.PARTITIONS,
                    SizeLimits.DEFAULT));
        }
        secrets = FleetSecrets.generate();
        Path home = Path.of(System.getProperty("hookline.home", "../..")).toAbsolutePath().normalize();
        fleet = ServiceFleet.start(home, workDir, cluster.bootstrapServers(), secrets);
        receiver = new CountingReceiver();
        Map<String, String> logInstances = new LinkedHashMap<>();
        fleet.instances(Service.LOG).forEach(instance -> logInstances.put(instance.name(), fleet.url(instance)));
        probe = new LogQueryProbe(secrets.adminToken(), logInstances);
        line("cluster and fleet up in %.0f s (work dir %s)", seconds(startNanos), workDir);
    }

    @AfterAll
    void stopEverything() throws Exception {
        Files.writeString(Path.of("target", "cluster-fault-figures.txt"), report, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        if (probe != null) {
            probe.close();
        }
        if (fleet != null) {
            fleet.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void shouldReplicateEveryTopicThreeTimesWithTwoInSync() throws Exception {
        try (Admin admin = cluster.admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(admin.listTopics().names().get())
                    .allTopicNames().get();
            Map<String, String> minInsync = new LinkedHashMap<>();
            admin.describeConfigs(topics.keySet().stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get()
                    .forEach((resource, config) -> minInsync.put(resource.name(),
                            config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()));
            Map<String, Integer> fewerReplicas = new LinkedHashMap<>();
            topics.forEach((name, topic) -> topic.partitions().stream()
                    .mapToInt(partition -> partition.replicas().size()).min()
                    .ifPresent(replicas -> {
                        if (replicas < 3) {
                            fewerReplicas.put(name, replicas);
                        }
                    }));
            line("topics: %d, all with 3 replicas: %s, min.insync.replicas: %s", topics.size(),
                    fewerReplicas.isEmpty(), minInsync.values().stream().distinct().sorted().toList());
            assertThat(topics).as("Hookline's and Kafka Streams' topics").hasSizeGreaterThan(10);
            assertThat(fewerReplicas).as("topics with fewer than 3 replicas").isEmpty();
            assertThat(minInsync).as("min.insync.replicas of each topic").allSatisfy((name, value) ->
                    assertThat(value).as(name).isEqualTo("2"));
        }
    }

    @Test
    @Order(2)
    void shouldDeliverEveryEventWhileABrokerIsDown() throws Exception {
        Scenario scenario = new Scenario("broker-stopped", "brokerfault.triggered");
        scenario.run(() -> cluster.stopBroker(STOPPED_BROKER), "broker " + STOPPED_BROKER + " stopped");
        // A later restart: the broker catches up and test B gets the whole cluster back.
        long restart = System.nanoTime();
        cluster.startBroker(STOPPED_BROKER);
        line("broker %d started again in %.1f s", STOPPED_BROKER, seconds(restart));
        List<String> underReplicated = awaitFullReplication();
        line("every partition back to 3 in-sync replicas %.1f s after the restart: %s", seconds(restart),
                underReplicated.isEmpty() ? "yes" : "no, " + underReplicated);
        scenario.assertNothingLost();
        assertThat(underReplicated).as("partitions still under-replicated after the broker came back").isEmpty();
    }

    @Test
    @Order(3)
    void shouldDeliverEveryEventWhenAnInstanceOfEachServiceIsKilled() throws Exception {
        Scenario scenario = new Scenario("instances-killed", "instancefault.triggered");
        List<Instance> killed = List.of(new Instance(Service.CONFIG, 1), new Instance(Service.MATCHER, 1),
                new Instance(Service.DISPATCHER, 1), new Instance(Service.LOG, 1));
        scenario.run(() -> {
            probe.forget(new Instance(Service.LOG, 1).name());
            for (Instance instance : killed) {
                fleet.kill(instance);
            }
        }, "SIGKILL to " + killed.stream().map(Instance::name).collect(Collectors.joining(", ")));
        scenario.assertNothingLost();
        for (Service service : Service.values()) {
            assertThat(fleet.isAlive(new Instance(service, 0))).as("%s-0 still runs (see %s)", service.module(),
                    fleet.logFile(new Instance(service, 0))).isTrue();
        }
    }

    private List<String> awaitFullReplication() throws Exception {
        try {
            await().atMost(SETTLE_TIMEOUT).until(() -> cluster.underReplicatedPartitions().isEmpty());
        } catch (ConditionTimeoutException e) {
            // reported and asserted by the caller
        }
        return cluster.underReplicatedPartitions();
    }

    /** An action that brings a fault. */
    @FunctionalInterface
    private interface Fault {
        void inject() throws Exception;
    }

    /** One fault test: its webhooks, its events, the fault midway, and its figures. */
    private final class Scenario {

        private final String name;
        private final String eventType;
        private final List<String> paths = new ArrayList<>();
        /** The webhook-deliveries partition of each endpoint's jobs. */
        private final Map<String, Integer> endpoints = new LinkedHashMap<>();
        private final EventProducer producer = new EventProducer(cluster.bootstrapServers());
        private DeliveryFigures figures;
        private long deliveredAtFault;
        private List<LogQueryProbe.Answer> wrongAnswers = List.of();
        private int wrongAtStart;

        Scenario(String name, String eventType) {
            this.name = name;
            this.eventType = eventType;
        }

        void run(Fault fault, String faultName) throws Exception {
            long started = System.nanoTime();
            // The probe counts from the start of the class: this test's figures are what it adds.
            Map<String, Integer> okAtStart = probe.liveInstances().stream()
                    .collect(Collectors.toMap(instance -> instance, probe::ok));
            int unavailableAtStart = probe.unavailable().size();
            wrongAtStart = probe.wrong().size();
            line("%n==== %s ====", name);
            WebhookApi api = new WebhookApi(fleet.url(new Instance(Service.CONFIG, 0)), secrets.adminToken());
            for (int i = 0; i < WEBHOOKS; i++) {
                String path = "/" + name + "/" + i;
                paths.add(path);
                String webhookId = api.create(name + " " + i, receiver.url(path), eventType);
                probe.watch(webhookId);
                endpoints.put(path, EndpointPartition.of(webhookId, receiver.url(path), ServiceFleet.PARTITIONS));
            }
            int firstHalf = EVENTS / 2;
            String idPrefix = "evt-" + name + "-";
            producer.send(eventType, idPrefix, 0, firstHalf);
            long threshold = Math.round(firstHalf * WEBHOOKS * FAULT_AT);
            await().atMost(DELIVERY_TIMEOUT).until(() -> delivered() >= threshold);

            // When the fault comes midway, and the second half of the events is produced after it
            probe.allowRebalance();
            deliveredAtFault = delivered();
            long faultAt = System.nanoTime();
            ProgressRecorder progress = new ProgressRecorder(this::delivered, (long) EVENTS * WEBHOOKS);
            Map<String, ProgressRecorder> progressPerEndpoint = new LinkedHashMap<>();
            paths.forEach(path -> progressPerEndpoint.put(path,
                    new ProgressRecorder(() -> receiver.delivered(path), EVENTS)));
            PipelineSampler sampler = new PipelineSampler(cluster.admin(), this::delivered);
            fault.inject();
            line("%s at %.1f s, with %,d of %,d deliveries made", faultName, seconds(started), deliveredAtFault,
                    (long) EVENTS * WEBHOOKS);
            producer.send(eventType, idPrefix, firstHalf, EVENTS - firstHalf);
            line("all events produced %.1f s after the fault (%,d refused)", seconds(faultAt),
                    producer.refused().size());

            // Then every accepted event reaches both endpoints
            int expected = producer.accepted().size() * WEBHOOKS;
            try {
                await().atMost(DELIVERY_TIMEOUT).until(() -> delivered() >= expected);
                line("all delivered %.1f s after the fault", seconds(faultAt));
            } catch (ConditionTimeoutException e) {
                line("NOT all delivered %.0f s after the fault", seconds(faultAt));
            }
            progress.close();
            sampler.close();
            detail("where the work waited, each second after the fault:");
            sampler.lines().forEach(ClusterFaultIT.this::detail);
            line("longest time without a new delivery after the fault: %.1f s",
                    progress.longestStall().toMillis() / 1e3);
            progressPerEndpoint.forEach((path, recorder) -> {
                recorder.close();
                line("  %s (webhook-deliveries partition %d): longest without a delivery %.1f s", path,
                        endpoints.get(path), recorder.longestStall().toMillis() / 1e3);
            });
            settle(faultAt);
            figures = DeliveryFigures.of(producer.accepted(), paths, receiver.requestsPerDelivery(),
                    (int) receiver.webhookIdMismatches().keySet().stream()
                            .filter(delivery -> paths.contains(delivery.path())).count());
            line("%s", figures.table());
            line("log queries: %s answered 200; %d answered 503 with Retry-After during the rebalance; %d wrong",
                    probe.liveInstances().stream().sorted()
                            .map(instance -> instance + " " + (probe.ok(instance) - okAtStart.get(instance)))
                            .collect(Collectors.joining(", ")), probe.unavailable().size() - unavailableAtStart,
                    wrongAnswers.size());
            wrongAnswers.stream().limit(10).forEach(answer -> line("  wrong: %s", answer));
            line("%s took %.0f s", name, seconds(started));
            producer.close();
        }

        /**
         * Waits until each live log-service instance answers 200 in a row (the rebalance is over), then requires
         * the same again with no 503 tolerated.
         */
        private void settle(long faultAt) {
            try {
                await().atMost(SETTLE_TIMEOUT).until(() -> probe.liveInstances().stream()
                        .allMatch(instance -> probe.okInARow(instance) >= SETTLED_IN_A_ROW));
                line("log queries settled %.1f s after the fault", seconds(faultAt));
            } catch (ConditionTimeoutException e) {
                line("log queries NOT settled %.0f s after the fault", seconds(faultAt));
            }
            probe.settled();
            Map<String, Integer> okBefore = probe.liveInstances().stream()
                    .collect(Collectors.toMap(instance -> instance, probe::ok));
            try {
                await().atMost(SETTLE_TIMEOUT).until(() -> okBefore.entrySet().stream()
                        .allMatch(entry -> probe.ok(entry.getKey()) >= entry.getValue() + SETTLED_IN_A_ROW));
            } catch (ConditionTimeoutException e) {
                line("log queries did not go on answering after settling");
            }
            List<LogQueryProbe.Answer> wrong = probe.wrong();
            wrongAnswers = wrong.subList(wrongAtStart, wrong.size());
        }

        void assertNothingLost() {
            assertThat(deliveredAtFault).as("deliveries made when the fault came (midway)")
                    .isGreaterThan(0).isLessThan((long) EVENTS * WEBHOOKS);
            assertThat(producer.refused()).as("events the cluster refused with one broker or instance down")
                    .isEmpty();
            assertThat(figures.lost()).as("lost deliveries").isEmpty();
            assertThat(figures.delivered()).isEqualTo(EVENTS * WEBHOOKS);
            assertThat(figures.webhookIdMismatches()).as("deliveries that came with different webhook-ids").isZero();
            assertThat(wrongAnswers).as("log queries answered otherwise than 200, or 503 with Retry-After during "
                    + "the rebalance").isEmpty();
        }

        private long delivered() {
            return paths.stream().mapToLong(receiver::delivered).sum();
        }
    }

    private void line(String format, Object... args) {
        String text = format.formatted(args);
        System.out.println(text);
        report.append(text).append(System.lineSeparator());
    }

    /** Into the figures file only. */
    private void detail(String text) {
        report.append("  ").append(text).append(System.lineSeparator());
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
