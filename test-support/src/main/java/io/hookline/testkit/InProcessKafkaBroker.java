package io.hookline.testkit;

import java.nio.file.Files;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache Kafka's own KRaft broker, one combined broker-controller node in this JVM. Besides the plaintext listener
 * every test uses, it has a SASL/SCRAM listener and a TLS listener ({@link SecuredListeners}).
 */
final class InProcessKafkaBroker implements KafkaBroker {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessKafkaBroker.class);
    private static final String PLAINTEXT = "EXTERNAL";
    private static final String CONTROLLER = "CONTROLLER";
    private static final String SASL = "SASL";
    private static final String TLS = "TLS";

    private final KafkaClusterTestKit cluster;
    private final SelfSignedCertificate certificate = SelfSignedCertificate.forLocalhost();

    InProcessKafkaBroker() {
        try {
            // Our own directory: Kafka's default temp dirs are deleted by a shutdown hook of their own, which races
            // with stopping the broker at JVM exit and makes it halt the JVM on a "failed" log dir.
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setBaseDirectory(Files.createTempDirectory("hookline-kafka"))
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "4")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "4")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setDeleteOnClose(true);
            securedListeners(builder);
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the in-process Kafka broker", e);
        }
    }

    /** The test kit binds its own two listeners whatever port is written here; the other two get free ports. */
    private void securedListeners(KafkaClusterTestKit.Builder builder) {
        builder.setConfigProp("listeners", String.join(",", PLAINTEXT + "://localhost:0",
                        CONTROLLER + "://localhost:0", SASL + "://localhost:0", TLS + "://localhost:0"))
                .setConfigProp("listener.security.protocol.map", String.join(",", PLAINTEXT + ":PLAINTEXT",
                        CONTROLLER + ":PLAINTEXT", SASL + ":SASL_PLAINTEXT", TLS + ":SSL"))
                .setConfigProp("sasl.enabled.mechanisms", SecuredListeners.SCRAM_MECHANISM)
                .setConfigProp("listener.name.sasl.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                .setConfigProp("listener.name.tls.ssl.keystore.type", "PEM")
                .setConfigProp("listener.name.tls.ssl.keystore.certificate.chain", certificate.certificate())
                .setConfigProp("listener.name.tls.ssl.keystore.key", certificate.privateKey());
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    SecuredListeners securedListeners() {
        return new SecuredListeners(bootstrapServers(), "localhost:" + boundPort(SASL),
                "localhost:" + boundPort(TLS), certificate);
    }

    private int boundPort(String listener) {
        return cluster.brokers().values().iterator().next().boundPort(new ListenerName(listener));
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            LOG.warn("The in-process Kafka broker did not stop cleanly", e);
        }
    }
}
