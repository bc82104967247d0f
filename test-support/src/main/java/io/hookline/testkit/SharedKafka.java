package io.hookline.testkit;

import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Kafka broker of a test JVM, started on first use and stopped when the JVM exits. Where Docker runs (or
 * {@code -Dhookline.test.kafka=container} asks for it) it is a Testcontainers {@code KafkaContainer}; otherwise
 * Apache Kafka's own KRaft broker, in process.
 */
public final class SharedKafka {

    private static final Logger LOG = LoggerFactory.getLogger(SharedKafka.class);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static volatile KafkaBroker broker;
    private static volatile InProcessKafkaBroker securedBroker;

    private SharedKafka() {
    }

    public static String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /**
     * The SASL/SCRAM and TLS listeners: those of the shared broker when it runs in process, else of an in-process
     * broker of their own (a container broker has neither).
     */
    public static SecuredListeners secured() {
        if (broker() instanceof InProcessKafkaBroker inProcess) {
            return inProcess.securedListeners();
        }
        synchronized (SharedKafka.class) {
            if (securedBroker == null) {
                securedBroker = new InProcessKafkaBroker();
                Runtime.getRuntime().addShutdownHook(new Thread(securedBroker::close, "secured-kafka-stop"));
            }
            return securedBroker.securedListeners();
        }
    }

    /** A name no other test of this JVM uses: for topics, prefixes, application ids and group ids. */
    public static String uniqueName(String base) {
        return base + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    public static void createTopics(int partitions, String... names) {
        try (Admin admin = admin()) {
            admin.createTopics(java.util.Arrays.stream(names)
                    .map(name -> new NewTopic(name, partitions, (short) 1))
                    .toList()).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topics", e);
        }
    }

    /** Client properties with the bootstrap servers set. */
    public static Properties clientProperties() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    private static KafkaBroker broker() {
        KafkaBroker current = broker;
        if (current == null) {
            synchronized (SharedKafka.class) {
                current = broker;
                if (current == null) {
                    current = start();
                    broker = current;
                    KafkaBroker started = current;
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-kafka-stop"));
                }
            }
        }
        return current;
    }

    private static KafkaBroker start() {
        long started = System.nanoTime();
        KafkaBroker created = ContainerKafkaBroker.wanted() ? new ContainerKafkaBroker() : new InProcessKafkaBroker();
        LOG.info("Kafka for tests ({}) at {} after {} ms", created.getClass().getSimpleName(),
                created.bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
        return created;
    }
}
