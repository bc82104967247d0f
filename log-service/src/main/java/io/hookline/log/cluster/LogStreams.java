package io.hookline.log.cluster;

import io.hookline.contracts.topic.Topics;
import io.hookline.log.LogSettings;
import io.hookline.log.topology.LogTopology;
import io.hookline.service.KafkaComponent;
import io.hookline.service.KafkaConnection;
import io.hookline.service.KafkaSettings;
import io.hookline.service.ManagedStreams;
import io.hookline.service.StreamsReplication;
import io.hookline.service.TopicBootstrap;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.annotation.PreDestroy;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/** The log-service's Kafka Streams instance, advertising this server's address for interactive queries. */
@Context
public final class LogStreams implements KafkaComponent, AutoCloseable {

    private static final int DEFAULT_PORT = 8084;

    private final ManagedStreams managed;
    private final HostInfo self;
    private final String deliveryLogTopic;

    public LogStreams(KafkaSettings kafka, KafkaConnection connection, LogSettings settings,
                      HttpServerConfiguration server, MeterRegistry registry, TopicBootstrap topicsCreated) {
        this.deliveryLogTopic = Topics.WEBHOOK_DELIVERY_LOG.withPrefix(kafka.topicPrefix()).name();
        int port = settings.advertisedPort() != null ? settings.advertisedPort()
                : server.getPort().filter(value -> value > 0).orElse(DEFAULT_PORT);
        this.self = new HostInfo(settings.advertisedHost(), port);
        StreamsBuilder builder = new StreamsBuilder();
        LogTopology.build(builder, deliveryLogTopic,
                Topics.WEBHOOK_OPERATIONAL_EVENTS.withPrefix(kafka.topicPrefix()).name(), settings.retention());
        this.managed = new ManagedStreams("log-streams", builder.build(),
                connection.streamsConfig(properties(kafka, settings)), registry);
        managed.start();
    }

    private Properties properties(KafkaSettings kafka, LogSettings settings) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId(kafka.topicPrefix()));
        properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir());
        properties.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
        StreamsReplication.apply(properties, kafka);
        properties.putAll(settings.streams());
        return properties;
    }

    public KafkaStreams streams() {
        return managed.streams();
    }

    public HostInfo self() {
        return self;
    }

    public String deliveryLogTopic() {
        return deliveryLogTopic;
    }

    @Override
    public String componentName() {
        return managed.componentName();
    }

    @Override
    public boolean isRunning() {
        return managed.isRunning();
    }

    @PreDestroy
    @Override
    public void close() {
        managed.close();
    }
}
