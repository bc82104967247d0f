package io.hookline.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.env.Environment;
import jakarta.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every Kafka client of a service connects: the bootstrap servers and the extra client properties
 * ({@link KafkaClientProperties}). Each client adds its own settings on top, and those win: they carry Hookline's
 * guarantees (acks, idempotence, isolation, transactions), so a property that would change one is reported.
 */
@Singleton
public final class KafkaConnection {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaConnection.class);
    /** Values safe to log; every other property is logged by name only, since any may hold a secret. */
    private static final Set<String> SHOWN = Set.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
            SaslConfigs.SASL_MECHANISM);

    private final String bootstrapServers;
    private final Map<String, String> properties;
    private final KafkaClientMeters meters;

    @Inject
    public KafkaConnection(KafkaSettings settings, Environment environment, @Nullable MeterRegistry registry) {
        this(settings.bootstrapServers(), KafkaClientProperties.from(environment, System.getenv()),
                registry == null ? KafkaClientMeters.NONE : new KafkaClientMeters(registry));
        if (!properties.isEmpty()) {
            LOG.info("Kafka clients connect to {} with {}", bootstrapServers, describe());
        }
    }

    public KafkaConnection(String bootstrapServers, Map<String, String> properties) {
        this(bootstrapServers, properties, KafkaClientMeters.NONE);
    }

    private KafkaConnection(String bootstrapServers, Map<String, String> properties, KafkaClientMeters meters) {
        this.bootstrapServers = bootstrapServers;
        this.properties = Map.copyOf(properties);
        this.meters = meters;
    }

    /** A connection with no extra properties (tests, tools). */
    public static KafkaConnection plain(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Map<String, String> properties() {
        return properties;
    }

    /** Where every client made with this connection binds its metrics. */
    public KafkaClientMeters meters() {
        return meters;
    }

    /** The configuration of one client: the connection, then the client's own settings. */
    public Map<String, Object> clientConfig(Map<String, ?> own) {
        Map<String, Object> config = new HashMap<>(properties);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        own.forEach((key, value) -> {
            String given = properties.get(key);
            if (given != null && !given.equals(String.valueOf(value))) {
                LOG.warn("hookline.kafka.properties.{} is not applied to this client: Hookline sets it", key);
            }
            config.put(key, value);
        });
        return config;
    }

    /** The same for Kafka Streams, whose settings are {@link Properties}. */
    public Properties streamsConfig(Properties own) {
        Properties config = new Properties();
        config.putAll(clientConfig(toMap(own)));
        return config;
    }

    private static Map<String, Object> toMap(Properties own) {
        Map<String, Object> map = new HashMap<>();
        own.forEach((key, value) -> map.put(String.valueOf(key), value));
        return map;
    }

    private String describe() {
        StringBuilder text = new StringBuilder();
        properties.forEach((key, value) -> {
            text.append(text.length() == 0 ? "" : ", ").append(key);
            if (SHOWN.contains(key)) {
                text.append('=').append(value);
            }
        });
        return text.toString();
    }
}
