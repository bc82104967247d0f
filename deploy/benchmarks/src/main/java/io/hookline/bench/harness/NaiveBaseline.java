package io.hookline.bench.harness;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.contracts.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Scenario 2, the naive baseline: what one writes first. One KafkaConsumer (auto-commit) on a topic holding the same
 * jobs, and for each record a blocking HTTP call (Apache HttpClient 5 classic, keep-alive pool) before the next;
 * a failed call is tried once more, then dropped. No signing, no retry topics, no per-endpoint anything.
 */
final class NaiveBaseline {

    static final String TOPIC = "bench-naive-jobs";

    private NaiveBaseline() {
    }

    record Outcome(long sent, long failed, boolean complete) {
    }

    /** Consumes until {@code count} jobs are handled or {@code cap} has passed. */
    static Outcome run(String bootstrapServers, long count, Duration cap) {
        long deadline = System.nanoTime() + cap.toNanos();
        long sent = 0;
        long failed = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-naive-" + System.currentTimeMillis(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true),
                new StringDeserializer(), new ByteArrayDeserializer());
             CloseableHttpClient http = HttpClients.custom()
                     .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                             .setDefaultConnectionConfig(ConnectionConfig.custom()
                                     .setConnectTimeout(Timeout.ofSeconds(10))
                                     .setSocketTimeout(Timeout.ofSeconds(10)).build())
                             .build())
                     .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).build())
                     .disableAutomaticRetries()
                     .build()) {
            consumer.subscribe(java.util.List.of(TOPIC));
            while (sent + failed < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (sent + failed >= count || System.nanoTime() >= deadline) {
                        break;
                    }
                    DeliveryJob job = Json.fromBytes(record.value(), DeliveryJob.class);
                    if (post(http, job) || post(http, job)) {
                        sent++;
                    } else {
                        failed++;
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Outcome(sent, failed, sent + failed >= count);
    }

    private static boolean post(CloseableHttpClient http, DeliveryJob job) {
        HttpUriRequestBase request = new HttpUriRequestBase(job.method(), java.net.URI.create(job.url()));
        job.headers().forEach(request::addHeader);
        request.addHeader("User-Agent", "Hookline-benchmark-naive");
        request.addHeader("webhook-id", job.deliveryId());
        request.addHeader("webhook-timestamp", Long.toString(Instant.now().getEpochSecond()));
        request.setEntity(new ByteArrayEntity(job.body().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                ContentType.APPLICATION_JSON));
        try {
            return http.execute(request, response -> {
                EntityUtils.consume(response.getEntity());
                return true;
            });
        } catch (IOException e) {
            return false;
        }
    }
}
