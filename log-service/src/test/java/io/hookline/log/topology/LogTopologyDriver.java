package io.hookline.log.topology;

import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.json.Json;
import io.hookline.log.store.LogStoreView;
import io.hookline.log.store.ReadCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The log topology in a {@link TopologyTestDriver}, with its stores opened the way queries open them. */
public final class LogTopologyDriver implements AutoCloseable {

    public static final String LOG_TOPIC = "webhook-delivery-log";
    public static final String OPS_TOPIC = "webhook-operational-events";

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> log;
    private final TestInputTopic<String, byte[]> ops;
    private final ReadCounter counter = new ReadCounter();
    private final java.nio.file.Path stateDir;

    public LogTopologyDriver(Duration retention) {
        StreamsBuilder builder = new StreamsBuilder();
        LogTopology.build(builder, LOG_TOPIC, OPS_TOPIC, retention);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "log-topology-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            stateDir = java.nio.file.Files.createTempDirectory("hookline-log-ttd");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), properties);
        log = driver.createInputTopic(LOG_TOPIC, new StringSerializer(), new ByteArraySerializer());
        ops = driver.createInputTopic(OPS_TOPIC, new StringSerializer(), new ByteArraySerializer());
    }

    public void pipe(DeliveryAttempt attempt) {
        log.pipeInput(attempt.webhookId(), Json.toBytes(attempt), attempt.timestamp());
    }

    public void pipeRaw(String key, byte[] value) {
        log.pipeInput(key, value);
    }

    public void pipeOperational(String webhookId, String cloudEventJson, Instant time) {
        ops.pipeInput(webhookId, cloudEventJson.getBytes(java.nio.charset.StandardCharsets.UTF_8), time);
    }

    public LogStoreView view() {
        return new LogStoreView(driver.getWindowStore(LogStores.ATTEMPT_INDEX),
                driver.getWindowStore(LogStores.ATTEMPT_RECORDS),
                driver.getKeyValueStore(LogStores.WEBHOOK_STATE), counter);
    }

    public ReadCounter counter() {
        return counter;
    }

    @Override
    public void close() {
        driver.close();
        io.hookline.log.LogServiceInstance.deleteRecursively(stateDir);
    }
}
