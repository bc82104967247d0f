package io.hookline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the four workloads are, what they run, and how they are reached. */
class WorkloadsTest {

    private static final Map<String, Integer> PORTS = Map.of("hookline-config-service", 8081,
            "hookline-matcher-service", 8082, "hookline-dispatcher-service", 8083, "hookline-log-service", 8084);

    private final Rendered defaults = Chart.defaults();

    @Test
    void statelessServicesAreDeploymentsAndStreamsServicesStatefulSetsWithAStateVolume() {
        assertThat(Workload.all(defaults)).extracting(Workload::toString).containsExactlyInAnyOrder(
                "Deployment/hookline-config-service", "Deployment/hookline-dispatcher-service",
                "StatefulSet/hookline-matcher-service", "StatefulSet/hookline-log-service");
        for (String name : List.of("hookline-matcher-service", "hookline-log-service")) {
            StatefulSet statefulSet = StrictModel.read(defaults.get("StatefulSet", name), StatefulSet.class);
            assertThat(statefulSet.getSpec().getVolumeClaimTemplates()).extracting(claim -> claim.getMetadata().getName())
                    .containsExactly("state");
            Service headless = StrictModel.read(defaults.get("Service", statefulSet.getSpec().getServiceName()), Service.class);
            assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
            assertThat(headless.getSpec().getSelector()).isEqualTo(statefulSet.getSpec().getSelector().getMatchLabels());
            assertThat(Workload.named(defaults, name).container().getVolumeMounts())
                    .anyMatch(mount -> mount.getName().equals("state") && mount.getMountPath().equals("/state"));
        }
        assertThat(Workload.named(defaults, "hookline-matcher-service").envValue("HOOKLINE_MATCHER_STATE_DIR")).isEqualTo("/state");
        assertThat(Workload.named(defaults, "hookline-log-service").envValue("HOOKLINE_LOG_STATE_DIR")).isEqualTo("/state");
    }

    @Test
    void logServiceInstancesAdvertiseTheirNameOnTheHeadlessServiceAndKeepStandbys() {
        Workload log = Workload.named(defaults, "hookline-log-service");

        assertThat(log.envValue("HOOKLINE_LOG_ADVERTISED_HOST"))
                .isEqualTo("$(POD_NAME).hookline-log-service-headless.$(POD_NAMESPACE).svc");
        assertThat(log.env("POD_NAME").orElseThrow().getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        assertThat(log.envValue("HOOKLINE_LOG_STANDBY_REPLICAS")).isEqualTo("1");
        List<String> names = log.container().getEnv().stream().map(env -> env.getName()).toList();
        assertThat(names.indexOf("POD_NAME")).as("defined before it is used").isLessThan(names.indexOf("HOOKLINE_LOG_ADVERTISED_HOST"));
    }

    @Test
    void configServiceAsksTheLogServiceServiceForTheAttemptLogOnItsPort() {
        Service logService = StrictModel.read(defaults.get("Service", "hookline-log-service"), Service.class);

        assertThat(Workload.named(defaults, "hookline-config-service").envValue("HOOKLINE_LOG_SERVICE_URL"))
                .isEqualTo("http://hookline-log-service:" + logService.getSpec().getPorts().get(0).getPort());
    }

    @Test
    void everyContainerAnswersProbesOnHealthAndHasBoundedMemory() {
        for (Workload workload : Workload.all(defaults)) {
            Container container = workload.container();
            for (Probe probe : List.of(container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe())) {
                assertThat(probe.getHttpGet().getPath()).as(workload.name()).isEqualTo("/health");
                assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
            }
            assertThat(container.getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getName()).isEqualTo("http");
                assertThat(port.getContainerPort()).isEqualTo(PORTS.get(workload.name()));
            });
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKey("memory");
        }
    }

    @Test
    void containersRunTheImagesOwnCommandFromTheChartsVersion() throws IOException {
        String appVersion = appVersion();
        for (Workload workload : Workload.all(defaults)) {
            Container container = workload.container();
            assertThat(container.getCommand()).as("the image's entrypoint, as ./run-local runs it").isNullOrEmpty();
            assertThat(container.getArgs()).isNullOrEmpty();
            assertThat(container.getImage()).isEqualTo("hookline/" + container.getName() + ":" + appVersion);
            assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
            assertThat(workload.envValue("HOOKLINE_LOCAL_MODE")).isEqualTo("false");
        }
        Rendered pinned = Chart.defaults(Map.of("image.repository", "registry.example.com/team", "image.tag", "1.2.3",
                "image.pullPolicy", "Always"));
        assertThat(Workload.named(pinned, "hookline-log-service").container().getImage())
                .isEqualTo("registry.example.com/team/log-service:1.2.3");
        assertThat(Workload.named(pinned, "hookline-log-service").container().getImagePullPolicy()).isEqualTo("Always");
    }

    @Test
    void servicesPdbsAndAntiAffinitySelectTheirOwnPods() {
        for (Workload workload : Workload.all(defaults)) {
            Map<String, String> podLabels = workload.template().getMetadata().getLabels();
            assertThat(podLabels).containsAllEntriesOf(workload.selector());
            Service service = StrictModel.read(defaults.get("Service", workload.name()), Service.class);
            assertThat(service.getSpec().getSelector()).isEqualTo(workload.selector());
            assertThat(service.getSpec().getPorts()).singleElement()
                    .satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
            PodDisruptionBudget budget = StrictModel.read(defaults.get("PodDisruptionBudget", workload.name()),
                    PodDisruptionBudget.class);
            assertThat(budget.getSpec().getSelector().getMatchLabels()).isEqualTo(workload.selector());
            assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
            var term = workload.pod().getAffinity().getPodAntiAffinity()
                    .getPreferredDuringSchedulingIgnoredDuringExecution().get(0).getPodAffinityTerm();
            assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(term.getLabelSelector().getMatchLabels()).isEqualTo(workload.selector());
        }
        Workload required = Workload.named(Chart.strimziExample(), "hookline-config-service");
        assertThat(required.pod().getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution())
                .singleElement().satisfies(term -> assertThat(term.getLabelSelector().getMatchLabels()).isEqualTo(required.selector()));
    }

    @Test
    void kafkaSettingsReachEveryService() {
        for (Workload workload : Workload.all(defaults)) {
            assertThat(workload.envValue("HOOKLINE_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka-0.kafka:9092");
            assertThat(workload.envValue("HOOKLINE_KAFKA_REPLICATION_FACTOR")).isEqualTo("3");
            assertThat(workload.envValue("HOOKLINE_KAFKA_MIN_INSYNC_REPLICAS")).isEqualTo("2");
            assertThat(workload.envValue("HOOKLINE_KAFKA_CREATE_TOPICS")).isEqualTo("true");
            assertThat(workload.envValue("HOOKLINE_EVENTS_MAX_BYTES")).isEqualTo("1048576");
        }
        for (Workload workload : Workload.all(Chart.strimziExample())) {
            assertThat(workload.envValue("HOOKLINE_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("hookline-kafka-kafka-bootstrap:9093");
            assertThat(workload.envValue("HOOKLINE_KAFKA_CREATE_TOPICS")).as("Strimzi's KafkaTopics own them").isEqualTo("false");
            assertThat(workload.envValue("HOOKLINE_KAFKA_PROPERTIES_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
            assertThat(workload.envValue("HOOKLINE_KAFKA_PROPERTIES_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
            assertThat(workload.envValue("HOOKLINE_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE")).isEqualTo("PEM");
            String truststore = workload.envValue("HOOKLINE_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION");
            var mount = workload.container().getVolumeMounts().stream()
                    .filter(m -> truststore.startsWith(m.getMountPath() + "/")).findFirst().orElseThrow();
            var volume = workload.pod().getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            assertThat(volume.getSecret().getSecretName()).isEqualTo("hookline-kafka-cluster-ca-cert");
            assertThat(volume.getSecret().getItems()).anyMatch(item -> truststore.equals(mount.getMountPath() + "/" + item.getPath())
                    && item.getKey().equals("ca.crt"));
        }
    }

    @Test
    void withoutBrokersRenderingFailsSayingWhatToSet() {
        Map<String, String> values = new java.util.HashMap<>(Chart.REQUIRED);
        values.remove("kafka.bootstrapServers");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Chart.render(null, values))
                .hasMessageContaining("set kafka.bootstrapServers").hasMessageContaining("strimzi.enabled");
    }

    @Test
    void noContainerSetsAVariableTwice() {
        Rendered overridden = Chart.render(Chart.exampleValues(), Map.of(
                "kafka.properties.ssl\\.truststore\\.location", "/etc/hookline/kafka-ca/ca.crt",
                "kafka.properties.security\\.protocol", "SASL_SSL"));
        for (Rendered rendered : List.of(defaults, Chart.strimziExample(), overridden)) {
            for (Workload workload : Workload.all(rendered)) {
                List<String> names = workload.container().getEnv().stream().map(env -> env.getName()).toList();
                assertThat(names).as(workload.name()).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void kafkaPropertiesBecomeEnvironmentVariablesAsTheServicesDecodeThem() {
        Rendered rendered = Chart.defaults(Map.of(
                "kafka.properties.client\\.dns\\.lookup", "use_all_dns_ips",
                "kafka.properties.my_custom-prop\\.x", "1",
                "kafka.secretProperties.sasl\\.jaas\\.config.secretName", "msk-login",
                "kafka.secretProperties.sasl\\.jaas\\.config.key", "jaas"));

        Workload config = Workload.named(rendered, "hookline-config-service");
        assertThat(config.envValue("HOOKLINE_KAFKA_PROPERTIES_CLIENT_DNS_LOOKUP")).isEqualTo("use_all_dns_ips");
        assertThat(config.envValue("HOOKLINE_KAFKA_PROPERTIES_MY__CUSTOM___PROP_X")).isEqualTo("1");
        var jaas = config.env("HOOKLINE_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").orElseThrow().getValueFrom().getSecretKeyRef();
        assertThat(jaas.getName()).isEqualTo("msk-login");
        assertThat(jaas.getKey()).isEqualTo("jaas");
    }

    @Test
    void networkPoliciesLetLogServiceInstancesReachEachOther() {
        Rendered restricted = Chart.defaults(Map.of("networkPolicy.apiFrom[0].namespaceSelector.matchLabels.team", "edge"));

        var policy = StrictModel.read(restricted.get("NetworkPolicy", "hookline-log-service"),
                io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class);
        assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(Workload.named(restricted, "hookline-log-service").selector());
        assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getPorts()).singleElement().satisfies(port -> assertThat(port.getPort().getStrVal()).isEqualTo("http"));
            assertThat(rule.getFrom()).anyMatch(peer -> peer.getPodSelector() != null && peer.getPodSelector().getMatchLabels()
                    .equals(Workload.named(restricted, "hookline-log-service").selector()));
            assertThat(rule.getFrom()).anyMatch(peer -> peer.getNamespaceSelector() != null);
        });
    }

    private static String appVersion() throws IOException {
        Matcher matcher = Pattern.compile("(?m)^appVersion:\\s*\"?([^\"\\s]+)\"?")
                .matcher(Files.readString(Chart.directory().resolve("Chart.yaml")));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
