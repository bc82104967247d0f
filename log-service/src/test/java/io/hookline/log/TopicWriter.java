package io.hookline.log;

import io.hookline.contracts.auth.ApiToken;
import io.hookline.contracts.auth.TokenHash;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.topic.Topic;
import io.hookline.contracts.topic.Topics;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.testkit.SharedKafka;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes what the other services would write: attempts, webhooks, tokens, operational events. */
public final class TopicWriter {

    private TopicWriter() {
    }

    public static void attempts(String prefix, List<DeliveryAttempt> attempts) {
        Topic<String, DeliveryAttempt> topic = Topics.WEBHOOK_DELIVERY_LOG.withPrefix(prefix);
        try (KafkaProducer<String, DeliveryAttempt> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (DeliveryAttempt attempt : attempts) {
                producer.send(new ProducerRecord<>(topic.name(), attempt.webhookId(), attempt));
            }
            producer.flush();
        }
    }

    public static void webhook(String prefix, String id, String tenant, String url) {
        WebhookConfig config = new WebhookConfig(id, tenant, 3, "hook " + id, true, null, url, List.of(), "POST",
                null, List.of("*"), null, null, null, null, false, null, null, null, null, null, null, List.of(), 2,
                5000, null, null, null, Instant.now(), Instant.now());
        send(Topics.WEBHOOK_CONFIG.withPrefix(prefix), id, config);
    }

    public static void webhook(String prefix, WebhookConfig config) {
        send(Topics.WEBHOOK_CONFIG.withPrefix(prefix), config.id(), config);
    }

    /** The tombstone config-service writes when a webhook is deleted. */
    public static void deleteWebhook(String prefix, String id) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.WEBHOOK_CONFIG.withPrefix(prefix).name(), id, null)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot delete webhook " + id, e);
        }
    }

    public static void token(String prefix, String secret, String tenant, Set<String> scopes) {
        send(Topics.API_TOKENS.withPrefix(prefix), "tok-" + secret,
                new ApiToken("tok-" + secret, secret, tenant, scopes, TokenHash.of(secret), Instant.now()));
    }

    public static void operational(String prefix, String webhookId, String json) {
        send(Topics.WEBHOOK_OPERATIONAL_EVENTS.withPrefix(prefix), webhookId, json.getBytes());
    }

    private static <V> void send(Topic<String, V> topic, String key, V value) {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot write to " + topic.name(), e);
        }
    }
}
