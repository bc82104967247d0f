package io.hookline.cluster.faults;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An upstream producer as CONTRACT.md section 3 describes one: structured-mode CloudEvents straight to
 * {@code domain-events}, keyed by subject, idempotent with {@code acks=all}. An event counts as accepted once the
 * cluster acknowledged it; only accepted events are expected at the endpoints.
 */
final class EventProducer implements AutoCloseable {

    private static final String TOPIC = "domain-events";
    private static final int SUBJECTS = 50;

    private final KafkaProducer<String, String> producer;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final List<String> refused = new ArrayList<>();

    EventProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "cluster-test-upstream",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000),
                new StringSerializer(), new StringSerializer());
    }

    /**
     * Sends events {@code first} to {@code first + count - 1} of the given type and waits until the cluster answered
     * for every one of them.
     */
    void send(String type, String idPrefix, int first, int count) {
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        for (int seq = first; seq < first + count; seq++) {
            String id = idPrefix + seq;
            String subject = "INC-" + (seq % SUBJECTS);
            ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, subject, """
                    {"specversion":"1.0","id":"%s","source":"/incidents","type":"%s","subject":"%s",\
                    "data":{"incident":{"id":"%s","title":"cluster test %d"}}}"""
                    .formatted(id, type, subject, subject, seq));
            record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
            CompletableFuture<Void> answer = new CompletableFuture<>();
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    accepted.add(id);
                } else {
                    refused(id + ": " + error);
                }
                answer.complete(null);
            });
            answers.add(answer);
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
    }

    private synchronized void refused(String event) {
        refused.add(event);
    }

    Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    synchronized List<String> refused() {
        return List.copyOf(refused);
    }

    @Override
    public void close() {
        producer.close();
    }
}
