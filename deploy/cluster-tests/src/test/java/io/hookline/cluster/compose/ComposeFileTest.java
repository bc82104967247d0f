package io.hookline.cluster.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/docker-compose.yml describes the cluster the README promises: three KRaft brokers that form one quorum and
 * keep their logs on volumes, replication 3 with two in sync, Hookline's four services with two dispatchers and two
 * log-services that can reach each other, and no secret that silently falls back to a placeholder.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of(System.getProperty("hookline.compose-file", "../docker-compose.yml"));
    private static final Pattern VOTER = Pattern.compile("(\\d+)@([^:]+):(\\d+)");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(:?-.*|:?\\?.+)?");

    private static ComposeFile compose;
    private static Map<String, Map<String, Object>> brokers;

    @BeforeAll
    static void read() throws IOException {
        compose = ComposeFile.read(COMPOSE);
        brokers = compose.services().entrySet().stream()
                .filter(entry -> ComposeFile.image(entry.getValue()).startsWith("apache/kafka:"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void shouldRunThreeBrokersWithDistinctNodeIdsInOneQuorum() {
        assertThat(brokers).hasSize(3);
        Map<String, String> nodeIds = brokers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> ComposeFile.environment(entry.getValue(), "KAFKA_NODE_ID")));
        assertThat(Set.copyOf(nodeIds.values())).as("node ids").hasSize(3).doesNotContainNull();
        brokers.forEach((name, broker) -> {
            assertThat(ComposeFile.environment(broker, "KAFKA_PROCESS_ROLES")).as(name).contains("controller");
            Map<String, String> voters = voters(ComposeFile.environment(broker, "KAFKA_CONTROLLER_QUORUM_VOTERS"));
            assertThat(voters).as("%s's quorum voters (id -> host)", name)
                    .containsExactlyInAnyOrderEntriesOf(nodeIds.entrySet().stream()
                            .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey)));
            assertThat(ComposeFile.environment(broker, "KAFKA_ADVERTISED_LISTENERS")).as(name).contains(name + ":");
        });
        assertThat(brokers.values().stream().map(broker -> ComposeFile.environment(broker, "CLUSTER_ID")).distinct())
                .as("one cluster id").hasSize(1);
    }

    @Test
    void shouldKeepEachBrokersLogOnItsOwnNamedVolume() {
        Set<String> volumesUsed = new HashSet<>();
        brokers.forEach((name, broker) -> {
            String logDirs = ComposeFile.environment(broker, "KAFKA_LOG_DIRS");
            Map<String, String> mounts = ComposeFile.mounts(broker);
            List<String> volumes = mounts.entrySet().stream().filter(mount -> mount.getValue().equals(logDirs))
                    .map(Map.Entry::getKey).toList();
            assertThat(volumes).as("%s: a volume mounted at KAFKA_LOG_DIRS (%s), in %s", name, logDirs, mounts)
                    .hasSize(1);
            assertThat(compose.namedVolumes()).as("named volumes").containsKey(volumes.get(0));
            volumesUsed.add(volumes.get(0));
        });
        assertThat(volumesUsed).as("one volume per broker").hasSize(3);
    }

    @Test
    void shouldReplicateThreeTimesWithTwoInSync() {
        brokers.forEach((name, broker) -> assertThat(Map.of(
                "KAFKA_DEFAULT_REPLICATION_FACTOR", env(broker, "KAFKA_DEFAULT_REPLICATION_FACTOR"),
                "KAFKA_MIN_INSYNC_REPLICAS", env(broker, "KAFKA_MIN_INSYNC_REPLICAS"),
                "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", env(broker, "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"),
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                env(broker, "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"),
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", env(broker, "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")))
                .as(name).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "KAFKA_DEFAULT_REPLICATION_FACTOR", "3",
                        "KAFKA_MIN_INSYNC_REPLICAS", "2",
                        "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3",
                        "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3",
                        "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")));
        hooklineServices().forEach((name, service) -> {
            assertThat(env(service, "HOOKLINE_KAFKA_REPLICATION_FACTOR")).as(name).isEqualTo("3");
            assertThat(env(service, "HOOKLINE_KAFKA_MIN_INSYNC_REPLICAS")).as(name).isEqualTo("2");
            assertThat(Arrays.stream(env(service, "HOOKLINE_KAFKA_BOOTSTRAP_SERVERS").split(","))
                    .map(server -> server.substring(0, server.indexOf(':'))))
                    .as("%s's bootstrap servers", name).containsExactlyInAnyOrderElementsOf(brokers.keySet());
        });
    }

    @Test
    void shouldPinTheKafkaReleaseHooklineIsBuiltWith() throws IOException {
        Matcher version = Pattern.compile("<kafka.version>([^<]+)</kafka.version>")
                .matcher(Files.readString(COMPOSE.getParent().resolve("../pom.xml")));
        assertThat(version.find()).isTrue();
        brokers.forEach((name, broker) ->
                assertThat(ComposeFile.image(broker)).as(name).isEqualTo("apache/kafka:" + version.group(1)));
    }

    @Test
    void shouldRunTheFourServicesWithTwoDispatchersAndTwoLogServices() {
        Map<String, Long> instances = hooklineServices().values().stream()
                .collect(Collectors.groupingBy(ComposeFile::hooklineService, Collectors.counting()));
        assertThat(instances).containsOnlyKeys("config-service", "matcher-service", "dispatcher-service", "log-service")
                .containsEntry("dispatcher-service", 2L)
                .containsEntry("log-service", 2L);
        hooklineServices().forEach((name, service) -> {
            assertThat(service).as("%s has a healthcheck", name).containsKey("healthcheck");
            assertThat(service.get("build")).as(name).isEqualTo(Map.of("context", "..",
                    "dockerfile", "deploy/docker/Dockerfile",
                    "args", Map.of("SERVICE", ComposeFile.hooklineService(service))));
        });
        brokers.forEach((name, broker) ->
                assertThat(broker).as("%s has a healthcheck", name).containsKey("healthcheck"));
    }

    @Test
    void shouldLetLogServiceInstancesReachEachOtherByTheirOwnNames() {
        hooklineServices().entrySet().stream()
                .filter(entry -> "log-service".equals(ComposeFile.hooklineService(entry.getValue())))
                .forEach(entry -> {
                    assertThat(env(entry.getValue(), "HOOKLINE_LOG_ADVERTISED_HOST")).as(entry.getKey())
                            .isEqualTo(entry.getKey());
                    assertThat(ComposeFile.mounts(entry.getValue()))
                            .as("%s keeps its store on a volume", entry.getKey())
                            .containsValue(env(entry.getValue(), "HOOKLINE_LOG_STATE_DIR"));
                });
    }

    @Test
    void shouldPointConfigServiceAtALogServiceForTheAttemptLogOnItsPort() {
        var logServices = hooklineServices().entrySet().stream()
                .filter(entry -> "log-service".equals(ComposeFile.hooklineService(entry.getValue())))
                .map(entry -> "http://" + entry.getKey() + ":8084")
                .toList();

        assertThat(env(hooklineServices().get("config-service"), "HOOKLINE_LOG_SERVICE_URL"))
                .as("config-service answers GET /api/v1/webhooks/{id}/responses by asking log-service")
                .isIn(logServices);
    }

    @Test
    void shouldGiveEveryVariableADefaultOrAnErrorMessage() {
        assertThat(compose.interpolations()).as("${...} in the file").isNotEmpty()
                .allSatisfy(inside -> assertThat(inside)
                        .as("${%s} has a default (:-) or a message (:?)", inside).matches(VARIABLE)
                        .containsAnyOf("-", "?"));
        assertThat(compose.interpolations()).as("secrets are required, never defaulted")
                .anySatisfy(inside -> assertThat(inside).startsWith("HOOKLINE_ADMIN_TOKEN:?"))
                .anySatisfy(inside -> assertThat(inside).startsWith("HOOKLINE_SECRETS_KEY:?"));
    }

    private Map<String, Map<String, Object>> hooklineServices() {
        return compose.services().entrySet().stream()
                .filter(entry -> ComposeFile.hooklineService(entry.getValue()) != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String env(Map<String, Object> service, String name) {
        return ComposeFile.environment(service, name);
    }

    private static Map<String, String> voters(String voters) {
        return Arrays.stream(voters.split(",")).map(VOTER::matcher).filter(Matcher::matches)
                .collect(Collectors.toMap(voter -> voter.group(1), voter -> voter.group(2)));
    }
}
