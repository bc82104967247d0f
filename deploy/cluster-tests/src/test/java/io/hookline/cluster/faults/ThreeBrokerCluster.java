package io.hookline.cluster.faults;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import kafka.server.BrokerServer;

/**
 * Apache Kafka's KRaft cluster test kit with three brokers and one controller, in this JVM, set up as production
 * should be: replication 3 and two replicas in sync, for topics and for the offsets and transaction logs alike.
 * A broker is stopped and started again on its own; the controller is separate so the quorum is never the fault.
 */
final class ThreeBrokerCluster implements AutoCloseable {

    static final int BROKERS = 3;

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;

    private ThreeBrokerCluster(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        // Taken while all three run: the services keep this list whichever broker is down later.
        this.bootstrapServers = cluster.bootstrapServers();
    }

    static ThreeBrokerCluster start(Path baseDirectory) throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setBaseDirectory(baseDirectory)
                .setCombined(false)
                .setNumBrokerNodes(BROKERS)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("min.insync.replicas", "2")
                .setConfigProp("offsets.topic.replication.factor", "3")
                .setConfigProp("offsets.topic.num.partitions", "6")
                .setConfigProp("transaction.state.log.replication.factor", "3")
                .setConfigProp("transaction.state.log.min.isr", "2")
                .setConfigProp("transaction.state.log.num.partitions", "6")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .setDeleteOnClose(true)
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new ThreeBrokerCluster(cluster);
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    Admin admin() {
        return cluster.admin();
    }

    /** Stops one broker as an orderly shutdown does; its partitions elect leaders among the other two. */
    void stopBroker(int nodeId) {
        BrokerServer broker = broker(nodeId);
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** Starts a stopped broker again on its data and ports; it catches up and rejoins the ISRs. */
    void startBroker(int nodeId) throws ExecutionException, InterruptedException {
        broker(nodeId).startup();
        cluster.waitForReadyBrokers();
    }

    /** Partitions of every topic whose in-sync replicas are fewer than their replicas. */
    List<String> underReplicatedPartitions() throws ExecutionException, InterruptedException {
        try (Admin admin = cluster.admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(admin.listTopics(
                    new ListTopicsOptions().listInternal(true)).names().get()).allTopicNames().get();
            return topics.values().stream().flatMap(topic -> topic.partitions().stream()
                    .filter(partition -> partition.isr().size() < partition.replicas().size())
                    .map(partition -> topic.name() + "-" + partition.partition())).sorted().toList();
        }
    }

    private BrokerServer broker(int nodeId) {
        BrokerServer broker = cluster.brokers().get(nodeId);
        if (broker == null) {
            throw new IllegalArgumentException("No broker " + nodeId + " in " + cluster.brokers().keySet());
        }
        return broker;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
