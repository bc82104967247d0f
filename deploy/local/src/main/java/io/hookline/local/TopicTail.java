package io.hookline.local;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code ./run-local tail <topic>}: prints every record of a topic of the local stack, from the beginning and then as
 * they come, one line each ({@code key<TAB>value}), so a user with only a JDK can watch {@code webhook-responses} or
 * {@code webhook-operational-events} without Kafka's own tools. It reads without a consumer group: nothing is
 * committed and nobody else's offsets move.
 */
public final class TopicTail {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final String topic;
    private final PrintStream out;

    public TopicTail(String bootstrapServers, String topic, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length != 1 || args[0].isBlank()) {
            System.err.println("usage: ./run-local tail <topic>   e.g. ./run-local tail webhook-responses");
            System.exit(2);
        }
        Path home = Path.of(System.getProperty("hookline.home", ".")).toAbsolutePath().normalize();
        LocalSettings settings = LocalSettings.fromEnvironment(home, System.getenv());
        try {
            new TopicTail(settings.bootstrapServers(), args[0], System.out).follow(() -> false);
        } catch (IllegalArgumentException e) {
            System.err.println("run-local tail: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Prints records until {@code stop} answers true (checked after every poll). */
    public void follow(BooleanSupplier stop) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalArgumentException("no topic " + topic + " on " + bootstrapServers
                        + " (is ./run-local running? topics: webhook-responses, webhook-operational-events, ...)");
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            while (!stop.getAsBoolean()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    out.println(text(record.key()) + "\t" + text(record.value()));
                }
                out.flush();
            }
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return properties;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "(null)" : new String(bytes, StandardCharsets.UTF_8);
    }
}
