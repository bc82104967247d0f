package io.hookline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hookline.testkit.SharedKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TopicTailTest {

    @Test
    void printsEveryRecordFromTheBeginningThenTheNewOnes() throws Exception {
        String topic = SharedKafka.uniqueName("tail");
        SharedKafka.createTopics(2, topic);
        produce(topic, "INC-1", "{\"status_code\":200}");
        produce(topic, null, "no key");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AtomicBoolean stop = new AtomicBoolean();
        TopicTail tail = new TopicTail(SharedKafka.bootstrapServers(), topic,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        CompletableFuture<Void> following = CompletableFuture.runAsync(() -> tail.follow(stop::get));
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("INC-1\t{\"status_code\":200}", "(null)\tno key"));
            produce(topic, "INC-2", "later");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("INC-2\tlater"));
        } finally {
            stop.set(true);
            following.get();
        }
    }

    @Test
    void aMissingTopicIsNamedInTheError() {
        TopicTail tail = new TopicTail(SharedKafka.bootstrapServers(), SharedKafka.uniqueName("absent"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThatThrownBy(() -> tail.follow(() -> true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no topic absent");
    }

    private static void produce(String topic, String key, String value) throws Exception {
        Properties properties = SharedKafka.clientProperties();
        properties.put("key.serializer", StringSerializer.class.getName());
        properties.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }
}
