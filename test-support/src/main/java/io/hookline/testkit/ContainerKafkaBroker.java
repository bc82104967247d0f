package io.hookline.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Apache Kafka's image in Docker, for machines that have a Docker engine. */
final class ContainerKafkaBroker implements KafkaBroker {

    static final String MODE_PROPERTY = "hookline.test.kafka";
    private static final DockerImageName IMAGE = DockerImageName.parse("apache/kafka:4.1.0");

    private final KafkaContainer container;

    ContainerKafkaBroker() {
        container = new KafkaContainer(IMAGE)
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        container.start();
    }

    /** A container when asked for, or when nothing asked for in-process and Docker answers. */
    static boolean wanted() {
        String mode = System.getProperty(MODE_PROPERTY, System.getenv().getOrDefault("HOOKLINE_TEST_KAFKA", "auto"));
        return switch (mode) {
            case "container" -> true;
            case "in-process" -> false;
            default -> dockerAvailable();
        };
    }

    private static boolean dockerAvailable() {
        boolean socket = java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
        if (!socket && System.getenv("DOCKER_HOST") == null) {
            return false; // no engine to ask, and asking Testcontainers would cost seconds of retries
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
