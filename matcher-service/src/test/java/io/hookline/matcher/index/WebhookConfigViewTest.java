package io.hookline.matcher.index;

import static io.hookline.matcher.index.WebhookIndexTest.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hookline.contracts.json.Json;
import io.hookline.contracts.webhook.WebhookConfig;
import io.hookline.matcher.freshness.FreshnessGate;
import io.hookline.matcher.freshness.FreshnessSettings;
import io.hookline.matcher.freshness.StaleConfigException;
import io.hookline.rules.match.CompiledWebhook;
import io.hookline.rules.match.WebhookCompiler;
import io.hookline.rules.template.TemplateEngine;
import io.hookline.service.KafkaConnection;
import io.hookline.testkit.SharedKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The matcher's webhook view on a real broker: what it loads and applies, and that its death is not silent. */
class WebhookConfigViewTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final WebhookIndex index = new WebhookIndex();
    private final WebhookIndexUpdater updater =
            new WebhookIndexUpdater(index, new WebhookCompiler(new TemplateEngine()));
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final String topic = SharedKafka.uniqueName("matcher-view");
    private KafkaProducer<byte[], byte[]> producer;

    @BeforeEach
    void createTopic() {
        SharedKafka.createTopics(2, topic);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer());
        opened.add(producer);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void shouldLoadTheTopicIntoTheIndexAndTreatAnUnreadableRecordAsARemoval() throws Exception {
        // Given webhooks written before the view starts
        write("wh-1", Json.toBytes(config("wh-1", "acme", 1, "incident.triggered")));
        write("wh-2", Json.toBytes(config("wh-2", "acme", 1, "incident.*")));
        WebhookConfigView view = started(updater);
        assertThat(index.candidates("acme", "incident.triggered")).extracting(CompiledWebhook::id)
                .containsExactlyInAnyOrder("wh-1", "wh-2");

        // When one is rewritten unreadable and the other deleted
        write("wh-1", "{not json".getBytes(StandardCharsets.UTF_8));
        write("wh-2", null);

        // Then neither is matched any more
        assertThat(view.awaitApplied(view.committedEndOffsets(), TIMEOUT)).isTrue();
        assertThat(index.size()).isZero();
        assertThat(view.isRunning()).isTrue();
    }

    @Test
    void shouldReportDownAndRefuseEventsOnceItsThreadDied() throws Exception {
        // Given a view whose updater fails on a record
        WebhookConfigView view = started((id, config) -> {
            if (id.equals("wh-boom")) {
                throw new IllegalStateException("index update failed");
            }
            updater.accept(id, config);
        });
        FreshnessSettings settings = new FreshnessSettings(Duration.ofSeconds(5), Duration.ofMillis(100));
        FreshnessGate gate = new FreshnessGate(view, settings, new SimpleMeterRegistry());
        opened.add(gate);
        gate.awaitFresh(System.currentTimeMillis());

        // When that record comes
        write("wh-boom", Json.toBytes(config("wh-boom", "acme", 1, "incident.triggered")));

        // Then the view is down, and so is the gate, which no longer lets events through
        await().atMost(TIMEOUT).until(() -> !view.isRunning());
        assertThat(view.isReading()).isFalse();
        assertThatThrownBy(() -> gate.awaitFresh(System.currentTimeMillis()))
                .isInstanceOf(StaleConfigException.class).hasMessageContaining("stopped");
        assertThat(gate.isRunning()).isFalse();
    }

    private WebhookConfigView started(BiConsumer<String, WebhookConfig> listener) {
        WebhookConfigView view = new WebhookConfigView(KafkaConnection.plain(SharedKafka.bootstrapServers()), topic,
                listener, Duration.ofSeconds(5));
        opened.add(view);
        view.start(TIMEOUT);
        return view;
    }

    private void write(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
    }
}
