package io.hookline.helm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A rendered Deployment or StatefulSet, read strictly, with its pod template. */
record Workload(String kind, String name, Map<String, String> selector, PodTemplateSpec template) {

    static Workload of(ObjectNode object) {
        Object model = StrictModel.read(object);
        if (model instanceof Deployment deployment) {
            return new Workload("Deployment", deployment.getMetadata().getName(),
                    deployment.getSpec().getSelector().getMatchLabels(), deployment.getSpec().getTemplate());
        }
        StatefulSet statefulSet = (StatefulSet) model;
        return new Workload("StatefulSet", statefulSet.getMetadata().getName(),
                statefulSet.getSpec().getSelector().getMatchLabels(), statefulSet.getSpec().getTemplate());
    }

    static List<Workload> all(Rendered rendered) {
        return rendered.workloads().stream().map(Workload::of).toList();
    }

    static Workload named(Rendered rendered, String name) {
        return all(rendered).stream().filter(workload -> workload.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no workload " + name));
    }

    PodSpec pod() {
        return template.getSpec();
    }

    /** The one application container. */
    Container container() {
        return pod().getContainers().get(0);
    }

    Optional<EnvVar> env(String name) {
        return container().getEnv().stream().filter(env -> env.getName().equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return kind + "/" + name;
    }

    String envValue(String name) {
        return env(name).map(EnvVar::getValue)
                .orElseThrow(() -> new AssertionError(this.name + " has no environment variable " + name));
    }
}
