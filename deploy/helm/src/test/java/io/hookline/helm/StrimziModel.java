package io.hookline.helm;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Strimzi's model classes (io.strimzi:api), loaded by name: Strimzi 1.x, the first to serve only the
 * kafka.strimzi.io/v1 API the chart writes, is built for Java 21, and the tests are compiled for Java 17.
 */
final class StrimziModel {

    private static final Map<String, String> CLASSES = Map.of(
            "Kafka", "io.strimzi.api.kafka.model.kafka.Kafka",
            "KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool",
            "KafkaTopic", "io.strimzi.api.kafka.model.topic.KafkaTopic",
            "KafkaUser", "io.strimzi.api.kafka.model.user.KafkaUser");

    private StrimziModel() {
    }

    static boolean loadable() {
        return Runtime.version().feature() >= 21;
    }

    /** Skips the calling test, saying why, on a JVM that cannot load the model. */
    static void assumeLoadable() {
        Assumptions.assumeTrue(loadable(), "Strimzi's v1 model needs Java 21 or newer; this JVM is "
                + Runtime.version() + " (the build runs the tests on /usr/lib/jvm/temurin-25-jdk-amd64 when present)");
    }

    static StrictModel.Kind kind(String kind) {
        assumeLoadable();
        try {
            return StrictModel.kindOf(Class.forName(CLASSES.get(kind)).asSubclass(HasMetadata.class));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("io.strimzi:api has no class for " + kind, e);
        }
    }
}
