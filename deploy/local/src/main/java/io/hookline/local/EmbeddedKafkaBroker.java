package io.hookline.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * Apache Kafka's own single-node KRaft broker (broker and controller in one), in this JVM, with its log under the
 * data dir so topics and their records survive a restart. The storage is formatted once, on first start.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;

    private EmbeddedKafkaBroker(KafkaRaftServer server) {
        this.server = server;
    }

    public static EmbeddedKafkaBroker start(Path kafkaDir, int port, int controllerPort) throws IOException {
        Files.createDirectories(kafkaDir);
        Properties properties = brokerProperties(kafkaDir.resolve("log"), port, controllerPort);
        Path configFile = kafkaDir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(configFile)) {
            properties.store(writer, "Written by the Hookline local launcher on every start");
        }
        formatOnce(kafkaDir, configFile);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        return new EmbeddedKafkaBroker(server);
    }

    private static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", "1");
        properties.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        properties.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        properties.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("log.dirs", logDir.toString());
        properties.setProperty("num.partitions", "6");
        properties.setProperty("auto.create.topics.enable", "false");
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("offsets.topic.num.partitions", "10");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        return properties;
    }

    private static void formatOnce(Path kafkaDir, Path configFile) throws IOException {
        Path clusterIdFile = kafkaDir.resolve("cluster.id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
        }
        String clusterId = Files.readString(clusterIdFile).trim();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "--ignore-formatted", "--cluster-id", clusterId,
                "--config", configFile.toString()}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
