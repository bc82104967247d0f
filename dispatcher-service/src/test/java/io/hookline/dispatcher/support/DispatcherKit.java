package io.hookline.dispatcher.support;

import io.hookline.contracts.crypto.SecretCipher;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.service.webhook.WebhookDirectory;
import io.hookline.testkit.SharedKafka;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One installation for a test class: its own topic prefix and consumer group on the shared broker, the secrets key,
 * a producer for webhooks and jobs, and readers of what the dispatcher writes.
 */
public final class DispatcherKit implements AutoCloseable {

    public final String prefix = SharedKafka.uniqueName("disp") + ".";
    public final String groupId = SharedKafka.uniqueName("dispatcher");
    public final String secretsKey = SecretCipher.generateBase64Key();
    public final SecretCipher cipher = SecretCipher.fromBase64Key(secretsKey);
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, TopicReader> readers = new HashMap<>();

    public DispatcherKit() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Settings for a dispatcher of this installation: local mode, fast retries; {@code extra} overrides. */
    public Map<String, Object> properties(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("hookline.kafka.bootstrap-servers", SharedKafka.bootstrapServers());
        properties.put("hookline.kafka.topic-prefix", prefix);
        properties.put("hookline.kafka.partitions", 3);
        properties.put("hookline.secrets.key", secretsKey);
        properties.put("hookline.local-mode", true);
        properties.put("hookline.dispatcher.group-id", groupId);
        properties.put("hookline.dispatcher.commit-interval", "100ms");
        properties.put("hookline.dispatcher.defer-delay", "200ms");
        properties.put("micronaut.server.port", -1);
        properties.putAll(extra);
        return properties;
    }

    public ApplicationContext start(Map<String, Object> extra) {
        return ApplicationContext.run(properties(extra));
    }

    /** The webhook directory a dispatcher of this installation reads. */
    public WebhookDirectory dispatcherView(ApplicationContext dispatcher) {
        return dispatcher.getBean(WebhookDirectory.class);
    }

    public String topic(String name) {
        return prefix + name;
    }

    public void publishWebhook(WebhookConfig webhook) {
        send(topic(Topics.WEBHOOK_CONFIG.name()), webhook.id(), Json.toBytes(webhook));
    }

    public void publishJob(DeliveryJob job) {
        send(topic(Topics.WEBHOOK_DELIVERIES.name()), job.endpointKey(), Json.toBytes(job));
    }

    public void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot produce to " + topic, e.getCause());
        }
    }

    /** Everything written so far (and from now on) to a topic of this installation. */
    public synchronized TopicReader reader(String topicName) {
        return readers.computeIfAbsent(topic(topicName), TopicReader::new);
    }

    public TopicReader attemptLog() {
        return reader(Topics.WEBHOOK_DELIVERY_LOG.name());
    }

    public java.util.List<DeliveryAttempt> attemptsOf(String deliveryId) {
        return attemptLog().values(DeliveryAttempt.class).stream()
                .filter(attempt -> attempt.deliveryId().equals(deliveryId))
                .toList();
    }

    public static Duration timeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public void close() {
        producer.close();
        readers.values().forEach(TopicReader::close);
    }
}
