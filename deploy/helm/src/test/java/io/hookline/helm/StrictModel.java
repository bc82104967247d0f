package io.hookline.helm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads a rendered object into the Kubernetes (fabric8) or Strimzi model class of its kind and refuses anything the
 * model does not know. Both models keep unknown fields in an {@code additionalProperties} map instead of failing
 * (so that clients survive newer servers), so besides Jackson's own check every such map must come out empty:
 * a misspelt or misplaced field is an error, as the API server's strict field validation would make it.
 */
final class StrictModel {

    /** Every Kubernetes kind the chart may render, with its apiVersion and model class. */
    static final Map<String, Kind> KUBERNETES_KINDS = Map.ofEntries(
            kind(Deployment.class, "apps/v1"),
            kind(StatefulSet.class, "apps/v1"),
            kind(Service.class, "v1"),
            kind(Secret.class, "v1"),
            kind(ConfigMap.class, "v1"),
            kind(ServiceAccount.class, "v1"),
            kind(PodDisruptionBudget.class, "policy/v1"),
            kind(NetworkPolicy.class, "networking.k8s.io/v1"));

    /** Strimzi's kinds; the ServiceMonitor has no model on Maven Central and is checked field by field instead. */
    static final List<String> STRIMZI_KINDS = List.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    record Kind(Class<? extends HasMetadata> type, String apiVersion) {
    }

    private StrictModel() {
    }

    static Kind kindOf(Class<? extends HasMetadata> type) {
        return new Kind(type, HasMetadata.getApiVersion(type));
    }

    private static Map.Entry<String, Kind> kind(Class<? extends HasMetadata> type, String apiVersion) {
        return Map.entry(HasMetadata.getKind(type), new Kind(type, apiVersion));
    }

    /** The object as its model class; fails on an unknown kind, a wrong apiVersion or any unknown field. */
    static HasMetadata read(JsonNode object) {
        String kind = object.path("kind").asText();
        Kind known = STRIMZI_KINDS.contains(kind) ? StrimziModel.kind(kind) : KUBERNETES_KINDS.get(kind);
        if (known == null) {
            throw new AssertionError(Rendered.describe(object) + ": a kind with no model to check it against");
        }
        if (!known.apiVersion().equals(object.path("apiVersion").asText())) {
            throw new AssertionError(Rendered.describe(object) + ": apiVersion " + object.path("apiVersion").asText()
                    + ", the model serves " + known.apiVersion());
        }
        HasMetadata model;
        try {
            model = MAPPER.treeToValue(object, known.type());
        } catch (Exception e) {
            throw new AssertionError(Rendered.describe(object) + " does not fit " + known.type().getName() + ": "
                    + e.getMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(model, kind, unknown);
        if (!unknown.isEmpty()) {
            throw new AssertionError(Rendered.describe(object) + " has fields its model does not know: " + unknown);
        }
        return model;
    }

    static <T extends HasMetadata> T read(JsonNode object, Class<T> type) {
        return type.cast(read(object));
    }

    private static void collectUnknownFields(Object value, String path, List<String> unknown) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collectUnknownFields(item, path + "." + key, unknown));
            return;
        }
        if (!isModel(value.getClass())) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!isPropertyGetter(getter)) {
                continue;
            }
            Object property = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(name -> unknown.add(path + "." + name));
                }
            } else {
                collectUnknownFields(property, path + "." + propertyName(getter), unknown);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.") || name.startsWith("io.strimzi.api.");
    }

    private static boolean isPropertyGetter(Method method) {
        return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                && method.getName().startsWith("get") && isModel(method.getDeclaringClass());
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null; // a computed accessor, not a field of the object
        }
    }
}
