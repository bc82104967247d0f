package io.hookline.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.contracts.topic.Topic;
import io.hookline.service.CompactedTopicView;
import io.hookline.service.KafkaConnection;
import io.hookline.service.KafkaSettings;
import io.hookline.testkit.BootstrapServers;
import io.hookline.testkit.KafkaExtension;
import io.hookline.testkit.SharedKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The compare-and-set writer against the real broker: two writers of one installation stand for two instances. */
@ExtendWith(KafkaExtension.class)
class ConfigWriterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String KEY = "counter";
    private static final int MAX_CLIENT_ATTEMPTS = 5;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private Topic<String, String> topic;
    private KafkaSettings installation;

    @BeforeEach
    void createTopic(@BootstrapServers String bootstrapServers) {
        String prefix = SharedKafka.uniqueName("writer") + ".";
        topic = new Topic<>(prefix + "counters", Serdes.String(), Serdes.String());
        SharedKafka.createTopics(1, topic.name());
        installation = new KafkaSettings(bootstrapServers, prefix, false, 1, (short) 1, null, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void shouldLoseNoIncrementWhenTwoWritersOfOneInstallationRace() throws Exception {
        // Given two writers sharing the transactional id, each reading through its own view, like two instances
        Instance first = instance();
        Instance second = instance();
        int perWriter = 8;

        // When both increment the same counter at the same time, each reading the value it then writes over
        List<Callable<List<Integer>>> racers = List.of(() -> first.increment(perWriter),
                () -> second.increment(perWriter));
        List<Integer> seen = runTogether(racers);

        // Then every increment counted once: the loser of each race was fenced and ran again on the value it read
        // anew, so each writer saw a value nobody else saw, and the counter went up by one per increment
        assertThat(seen).doesNotHaveDuplicates().hasSize(2 * perWriter);
        assertThat(first.view.awaitCaughtUp(TIMEOUT)).isTrue();
        assertThat(first.view.get(KEY)).contains(String.valueOf(2 * perWriter));
    }

    @Test
    void shouldCompleteAnAsyncWriteOnceTheViewAppliedItAndOffTheWriterThread() throws Exception {
        // Given
        Instance instance = instance();
        AtomicReference<String> completedOn = new AtomicReference<>();

        // When
        CompletableFuture<Integer> written = instance.writer.writeAsync(() -> instance.incrementPlan());
        int value = written.whenComplete((result, error) -> completedOn.set(Thread.currentThread().getName()))
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        // Then the value is readable at once, and what follows the write does not hold up the next one
        assertThat(value).isEqualTo(1);
        assertThat(instance.view.get(KEY)).contains("1");
        assertThat(completedOn.get()).isNotEqualTo("config-writer");
    }

    @Test
    void shouldPassTheOperationsOwnExceptionThroughAndWriteNothing() {
        // Given
        Instance instance = instance();
        IllegalArgumentException refused = new IllegalArgumentException("version conflict");

        // When
        CompletableFuture<Integer> written = instance.writer.writeAsync(() -> {
            throw refused;
        });

        // Then
        assertThatThrownBy(() -> written.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isSameAs(refused);
        assertThatThrownBy(() -> instance.writer.write(() -> {
            throw refused;
        })).isSameAs(refused);
        assertThat(instance.view.awaitCaughtUp(TIMEOUT)).isTrue();
        assertThat(instance.view.get(KEY)).isEmpty();
    }

    @Test
    void shouldReportAnUnreachableKafkaAsUnavailable() throws IOException {
        // Given a writer whose broker does not answer
        KafkaSettings nowhere = new KafkaSettings("127.0.0.1:" + closedPort(), "", false, 1, (short) 1, null,
                Duration.ofSeconds(30));
        ConfigWriter writer = new ConfigWriter(nowhere, KafkaConnection.plain(nowhere.bootstrapServers()),
                Duration.ofMillis(500));
        opened.add(writer);

        // When / Then
        assertThatThrownBy(() -> writer.write(() -> WritePlan.nothing("unreached")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("try again");
    }

    private Instance instance() {
        CompactedTopicView<String> view = new CompactedTopicView<>(SharedKafka.uniqueName("counter-view"),
                KafkaConnection.plain(installation.bootstrapServers()), topic);
        opened.add(view);
        view.start(TIMEOUT);
        ConfigWriter writer = new ConfigWriter(installation,
                KafkaConnection.plain(installation.bootstrapServers()), Duration.ofSeconds(10));
        opened.add(writer);
        return new Instance(view, writer);
    }

    private List<Integer> runTogether(List<Callable<List<Integer>>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> future : pool.invokeAll(tasks)) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private final class Instance {

        private final CompactedTopicView<String> view;
        private final ConfigWriter writer;

        private Instance(CompactedTopicView<String> view, ConfigWriter writer) {
            this.view = view;
            this.writer = writer;
        }

        /**
         * Increments {@code times} times, each write retried on {@link StoreUnavailableException} as a client retries
         * a 503: under this contention the broker now and then refuses a commit it rolled back with an unexpected
         * error rather than as fenced, which the writer cannot tell from a commit that may have happened.
         */
        List<Integer> increment(int times) {
            List<Integer> written = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                written.add(incrementRetryingUnavailable());
            }
            return written;
        }

        private int incrementRetryingUnavailable() {
            for (int attempt = 1; ; attempt++) {
                try {
                    return writer.write(this::incrementPlan);
                } catch (StoreUnavailableException e) {
                    if (attempt == MAX_CLIENT_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        }

        /** Reads the counter as it is now, everywhere, and plans the next value: what a compare-and-set must guard. */
        WritePlan<Integer> incrementPlan() {
            if (!view.awaitCaughtUp(TIMEOUT)) {
                throw new StoreUnavailableException("view behind", null);
            }
            int next = view.get(KEY).map(Integer::parseInt).orElse(0) + 1;
            return WritePlan.of(TopicWrite.of(view, topic, KEY, String.valueOf(next)), next);
        }
    }
}
