package io.hookline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every Secret and ConfigMap a pod names exists once installed: rendered by the chart (with the keys named), or made
 * by someone the README names: Strimzi's User Operator (a Secret per KafkaUser, key sasl.jaas.config), its Cluster
 * Operator ({cluster}-cluster-ca-cert, key ca.crt), or the operator who set secrets.existingSecret.
 */
class ReferencesTest {

    /** One reference from a pod: what it names, which key (null for all of it), and whether it may be absent. */
    record Reference(String workload, String kind, String name, String key, boolean optional) {
    }

    @Test
    void defaultsReferToRenderedObjectsOnly() {
        Rendered rendered = Chart.defaults();

        List<Reference> references = references(rendered);
        assertThat(references).extracting(Reference::name).contains("hookline-secrets");
        assertThat(references).allSatisfy(reference -> {
            Set<String> keys = renderedKeys(rendered, reference);
            assertThat(keys).as("%s is not rendered", reference).isNotNull();
            assertHasKey(keys, reference);
        });
    }

    @Test
    void theStrimziExampleRefersToRenderedOrDocumentedObjects() {
        Rendered rendered = Chart.strimziExample();
        Map<String, Set<String>> documented = new HashMap<>();
        rendered.ofKind("KafkaUser").forEach(user -> documented.put(user.at("/metadata/name").asText(),
                Set.of("password", "sasl.jaas.config")));
        rendered.ofKind("Kafka").forEach(kafka -> documented.put(
                kafka.at("/metadata/name").asText() + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password")));
        documented.put("hookline-secrets", Set.of("HOOKLINE_ADMIN_TOKEN", "HOOKLINE_SECRETS_KEY", "HOOKLINE_SECRETS_KEYS"));

        List<Reference> references = references(rendered);
        assertThat(references).extracting(Reference::name).contains("hookline-kafka-cluster-ca-cert",
                "hookline-config-service", "hookline-matcher-service", "hookline-dispatcher-service",
                "hookline-log-service", "hookline-secrets");
        assertThat(references).allSatisfy(reference -> {
            Set<String> keys = renderedKeys(rendered, reference);
            if (keys == null && reference.kind().equals("Secret")) {
                keys = documented.get(reference.name());
            }
            assertThat(keys).as("%s is neither rendered nor made by Strimzi or the operator", reference).isNotNull();
            assertHasKey(keys, reference);
        });
    }

    @Test
    void eachServiceLogsInAsItsOwnKafkaUser() {
        Rendered rendered = Chart.strimziExample();

        for (Workload workload : Workload.all(rendered)) {
            EnvVar jaas = workload.env("HOOKLINE_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").orElseThrow();
            assertThat(jaas.getValueFrom().getSecretKeyRef().getName()).isEqualTo(workload.name());
            assertThat(rendered.find("KafkaUser", workload.name())).as(workload.name()).isPresent();
        }
    }

    private static void assertHasKey(Set<String> keys, Reference reference) {
        if (reference.key() != null && !reference.optional()) {
            assertThat(keys).as("keys of %s", reference).contains(reference.key());
        }
    }

    /** The keys of the rendered object a reference names, or null when none is rendered. */
    private static Set<String> renderedKeys(Rendered rendered, Reference reference) {
        return rendered.find(reference.kind(), reference.name()).map(object -> {
            Set<String> keys = new HashSet<>();
            if (reference.kind().equals("Secret")) {
                Secret secret = StrictModel.read(object, Secret.class);
                keys.addAll(secret.getStringData() == null ? Set.of() : secret.getStringData().keySet());
                keys.addAll(secret.getData() == null ? Set.of() : secret.getData().keySet());
            } else {
                ConfigMap configMap = StrictModel.read(object, ConfigMap.class);
                keys.addAll(configMap.getData() == null ? Set.of() : configMap.getData().keySet());
            }
            return keys;
        }).orElse(null);
    }

    static List<Reference> references(Rendered rendered) {
        List<Reference> references = new ArrayList<>();
        for (Workload workload : Workload.all(rendered)) {
            String name = workload.name();
            workload.pod().getContainers().forEach(container -> {
                for (EnvVar env : container.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        var ref = env.getValueFrom().getSecretKeyRef();
                        references.add(new Reference(name, "Secret", ref.getName(), ref.getKey(),
                                Boolean.TRUE.equals(ref.getOptional())));
                    }
                    if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                        var ref = env.getValueFrom().getConfigMapKeyRef();
                        references.add(new Reference(name, "ConfigMap", ref.getName(), ref.getKey(),
                                Boolean.TRUE.equals(ref.getOptional())));
                    }
                }
                for (EnvFromSource from : container.getEnvFrom()) {
                    if (from.getSecretRef() != null) {
                        references.add(new Reference(name, "Secret", from.getSecretRef().getName(), null,
                                Boolean.TRUE.equals(from.getSecretRef().getOptional())));
                    }
                    if (from.getConfigMapRef() != null) {
                        references.add(new Reference(name, "ConfigMap", from.getConfigMapRef().getName(), null,
                                Boolean.TRUE.equals(from.getConfigMapRef().getOptional())));
                    }
                }
            });
            for (Volume volume : workload.pod().getVolumes()) {
                if (volume.getSecret() != null) {
                    List<KeyToPath> items = volume.getSecret().getItems();
                    addVolume(references, name, "Secret", volume.getSecret().getSecretName(), items,
                            Boolean.TRUE.equals(volume.getSecret().getOptional()));
                }
                if (volume.getConfigMap() != null) {
                    addVolume(references, name, "ConfigMap", volume.getConfigMap().getName(),
                            volume.getConfigMap().getItems(), Boolean.TRUE.equals(volume.getConfigMap().getOptional()));
                }
                assertThat(volume.getProjected()).as("projected volumes are not followed here").isNull();
            }
        }
        return references;
    }

    private static void addVolume(List<Reference> references, String workload, String kind, String name,
                                  List<KeyToPath> items, boolean optional) {
        if (items == null || items.isEmpty()) {
            references.add(new Reference(workload, kind, name, null, optional));
        } else {
            items.forEach(item -> references.add(new Reference(workload, kind, name, item.getKey(), optional)));
        }
    }
}
