package io.hookline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every object of both renderings is a valid object of the Kubernetes or Strimzi model, field for field. */
class RenderedModelsTest {

    @Test
    void defaultsRenderTheFourServicesAndNothingOfStrimzi() {
        Rendered rendered = Chart.defaults();

        rendered.objects().forEach(StrictModel::read);
        assertThat(rendered.ofKind("Deployment")).extracting(Rendered::describe)
                .containsExactlyInAnyOrder("Deployment/hookline-config-service", "Deployment/hookline-dispatcher-service");
        assertThat(rendered.ofKind("StatefulSet")).extracting(Rendered::describe)
                .containsExactlyInAnyOrder("StatefulSet/hookline-matcher-service", "StatefulSet/hookline-log-service");
        assertThat(rendered.ofKind("PodDisruptionBudget")).hasSize(4);
        assertThat(rendered.ofKind("NetworkPolicy")).hasSize(4);
        assertThat(rendered.ofKind("Secret")).hasSize(1);
        assertThat(rendered.ofKind("KafkaTopic")).isEmpty();
        assertThat(rendered.ofKind("KafkaUser")).isEmpty();
        assertThat(rendered.ofKind("ServiceMonitor")).isEmpty();
        assertThat(rendered.ofKind("PrometheusRule")).isEmpty();
    }

    @Test
    void theStrimziExampleRendersValidKubernetesObjects() {
        Rendered rendered = Chart.strimziExample();

        List<ObjectNode> kubernetes = rendered.objects().stream()
                .filter(object -> StrictModel.KUBERNETES_KINDS.containsKey(object.path("kind").asText())).toList();
        assertThat(kubernetes).hasSizeGreaterThan(15);
        kubernetes.forEach(StrictModel::read);
        assertThat(rendered.objects()).extracting(object -> object.path("kind").asText())
                .allMatch(kind -> StrictModel.KUBERNETES_KINDS.containsKey(kind)
                        || StrictModel.STRIMZI_KINDS.contains(kind) || kind.equals("ServiceMonitor"));
    }

    @Test
    void theStrimziExampleRendersTheClusterTopicsAndUsersOfStrimzisModel() {
        StrimziModel.assumeLoadable();
        Rendered rendered = Chart.strimziExample();

        rendered.objects().stream().filter(object -> StrictModel.STRIMZI_KINDS.contains(object.path("kind").asText()))
                .forEach(StrictModel::read);
        assertThat(rendered.ofKind("Kafka")).hasSize(1);
        assertThat(rendered.ofKind("KafkaNodePool")).hasSize(1);
        assertThat(rendered.ofKind("KafkaUser")).hasSize(4);
        assertThat(rendered.ofKind("KafkaTopic")).isNotEmpty();
        assertThat(rendered.ofKind("Secret")).as("the secrets come from the existing Secret").isEmpty();
    }

    @Test
    void aMisspeltFieldIsRefused() {
        ObjectNode deployment = Chart.defaults().get("Deployment", "hookline-config-service").deepCopy();
        ((ObjectNode) deployment.at("/spec/template/spec")).put("serviceAcountName", "typo");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StrictModel.read(deployment))
                .hasMessageContaining("serviceAcountName");
    }

    @Test
    void aMisspeltStrimziFieldIsRefused() {
        StrimziModel.assumeLoadable();
        ObjectNode user = Chart.strimziExample().ofKind("KafkaUser").get(0).deepCopy();
        ((ObjectNode) user.at("/spec/authorization/acls/0")).put("operation", "Read");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StrictModel.read(user))
                .hasMessageContaining("operation");
    }

    @Test
    void serviceMonitorScrapesPrometheusOnTheHttpPort() {
        Rendered rendered = Chart.defaults(Map.of("serviceMonitor.enabled", "true"));

        ObjectNode monitor = rendered.get("ServiceMonitor", "hookline");
        assertThat(monitor.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/prometheus");
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("http");
        HasMetadata service = StrictModel.read(rendered.get("Service", "hookline-config-service"));
        assertThat(service.getMetadata().getLabels())
                .containsAllEntriesOf(Map.of("app.kubernetes.io/name", "hookline", "app.kubernetes.io/instance", "hookline"));
    }

    @Test
    void prometheusRuleCarriesTheAlertRulesOfDeployPrometheusUnchanged() throws IOException {
        Rendered rendered = Chart.defaults(Map.of("prometheusRule.enabled", "true",
                "prometheusRule.labels.release", "kube-prometheus-stack"));

        ObjectNode rule = rendered.get("PrometheusRule", "hookline");
        assertThat(rule.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rule.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
        JsonNode shipped = new ObjectMapper(new YAMLFactory())
                .readTree(Chart.directory().resolve("../../prometheus/hookline-alerts.yml").toFile());
        assertThat(rule.get("spec")).isEqualTo(shipped);
        List<JsonNode> rules = new ArrayList<>();
        rule.at("/spec/groups").forEach(group -> group.get("rules").forEach(rules::add));
        assertThat(rules).extracting(each -> each.path("alert").asText()).contains("HooklineServiceDown",
                "HooklineDeliveryLagGrowing", "HooklineDeliverySuccessRateLow", "HooklineDeadLettersGrowing",
                "HooklineEndToEndLatencyHigh");
        // The fields of the Prometheus Operator's Rule: a misspelt one would be dropped or refused by the operator
        for (JsonNode each : rules) {
            List<String> fields = new ArrayList<>();
            each.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(each.toString()).contains("alert", "expr")
                    .isSubsetOf("alert", "expr", "for", "keep_firing_for", "labels", "annotations");
            assertThat(each.get("expr").asText()).isNotBlank();
        }
    }
}
