package io.hookline.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.testkit.SharedKafka;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class KafkaClientMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final KafkaConnection connection = KafkaConnection.plain(SharedKafka.bootstrapServers());

    @Test
    void shouldBindEachKindOfClientAndRemoveItsMetersOnClose() throws Exception {
        KafkaClientMeters meters = new KafkaClientMeters(registry);
        try (var producer = new KafkaProducer<>(connection.clientConfig(Map.of(
                     ProducerConfig.CLIENT_ID_CONFIG, "meters-producer")), new ByteArraySerializer(),
                     new ByteArraySerializer());
             var consumer = new KafkaConsumer<>(connection.clientConfig(Map.of(
                     ConsumerConfig.CLIENT_ID_CONFIG, "meters-consumer")), new ByteArrayDeserializer(),
                     new ByteArrayDeserializer());
             Admin admin = Admin.create(connection.clientConfig(Map.of("client.id", "meters-admin")))) {
            AutoCloseable producerMeters = meters.bind(producer);
            AutoCloseable consumerMeters = meters.bind(consumer);
            AutoCloseable adminMeters = meters.bind(admin);

            assertThat(names("meters-producer")).anyMatch(name -> name.startsWith("kafka.producer."));
            assertThat(names("meters-consumer")).anyMatch(name -> name.startsWith("kafka.consumer."));
            assertThat(names("meters-admin")).anyMatch(name -> name.startsWith("kafka.admin.client."));

            consumerMeters.close();
            assertThat(names("meters-consumer")).isEmpty();
            assertThat(names("meters-producer")).isNotEmpty();
            producerMeters.close();
            adminMeters.close();
        }
    }

    @Test
    void shouldBindNothingWithoutARegistry() throws Exception {
        try (var consumer = new KafkaConsumer<>(connection.clientConfig(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "unmetered")), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            KafkaClientMeters.NONE.bind(consumer).close();
            assertThat(connection.meters()).isSameAs(KafkaClientMeters.NONE);
            assertThat(registry.getMeters()).isEmpty();
        }
    }

    private List<String> names(String clientId) {
        return registry.getMeters().stream()
                .filter(meter -> clientId.equals(meter.getId().getTag("client.id")))
                .map(Meter::getId).map(Meter.Id::getName).toList();
    }
}
