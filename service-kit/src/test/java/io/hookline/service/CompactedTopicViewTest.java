package io.hookline.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hookline.contracts.topic.Topic;
import io.hookline.service.store.StoreUnavailableException;
import io.hookline.testkit.SharedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompactedTopicViewTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final List<AutoCloseable> opened = new ArrayList<>();
    private Topic<String, String> topic;
    private KafkaProducer<String, String> producer;

    @BeforeEach
    void createTopic() {
        topic = new Topic<>(SharedKafka.uniqueName("view"), Serdes.String(), Serdes.String());
        SharedKafka.createTopics(1, topic.name());
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
        opened.add(producer);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void shouldLoadWhatTheTopicHeldBeforeStart() throws Exception {
        write("a", "1");
        write("b", "2");
        write("a", "3");

        CompactedTopicView<String> view = started();

        assertThat(view.get("a")).contains("3");
        assertThat(view.get("b")).contains("2");
        assertThat(view.size()).isEqualTo(2);
        assertThat(view.isRunning()).isTrue();
    }

    @Test
    void shouldApplyATombstoneAsARemoval() throws Exception {
        CompactedTopicView<String> view = started();
        write("a", "1");
        RecordMetadata tombstone = write("a", null);

        assertThat(view.awaitApplied(tombstone.partition(), tombstone.offset(), TIMEOUT)).isTrue();
        assertThat(view.get("a")).isEmpty();
    }

    @Test
    void shouldSeeAWriteOfAnotherProducerAfterAwaitingCatchUp() throws Exception {
        CompactedTopicView<String> view = started();
        write("k", "v");

        assertThat(view.awaitCaughtUp(TIMEOUT)).isTrue();
        assertThat(view.get("k")).contains("v");
    }

    @Test
    void shouldCompleteAFutureOnceARecordIsAppliedWithoutBlockingTheCaller() throws Exception {
        CompactedTopicView<String> view = started();
        RecordMetadata written = write("f", "1");

        view.whenApplied(written.partition(), written.offset()).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(view.get("f")).contains("1");
        assertThat(view.whenApplied(written.partition(), written.offset())).as("already applied").isCompleted();
    }

    @Test
    void shouldFailAFutureWaitingOnAStoppedView() {
        CompactedTopicView<String> view = started();
        var neverWritten = view.whenApplied(0, 1_000_000);

        view.close();

        assertThat(neverWritten).failsWithin(TIMEOUT).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(IllegalStateException.class);
        assertThat(view.whenApplied(0, 1_000_000)).isCompletedExceptionally();
    }

    @Test
    void shouldCompleteOnceCaughtUpWithWhatWasWrittenBeforeWithoutBlocking() throws Exception {
        CompactedTopicView<String> view = started();
        CountDownLatch applying = new CountDownLatch(1);
        view.addListener((key, value) -> {
            if (key.equals("slow")) {
                awaitQuietly(applying);
            }
        });
        write("slow", "1");
        write("after", "2");

        CompletableFuture<Void> caughtUp = view.whenCaughtUp();

        assertThat(caughtUp).isNotDone();
        applying.countDown();
        caughtUp.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(view.get("after")).contains("2");
    }

    @Test
    void shouldFailToCatchUpOnceTheViewsThreadDied() {
        CompactedTopicView<String> view = started();
        view.addListener((key, value) -> {
            throw new IllegalStateException("dies here");
        });

        writeQuietly("poison", "1");

        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> !view.isRunning());
        assertThat(view.whenCaughtUp()).isCompletedExceptionally();
    }

    @Test
    void shouldRefuseToAnswerFromAViewThatCannotCatchUp() {
        CompactedTopicView<String> view = started();
        view.catchUp(TIMEOUT);

        view.close();

        assertThatThrownBy(() -> view.catchUp(Duration.ofSeconds(1))).isInstanceOf(StoreUnavailableException.class)
                .hasMessageEndingWith("try again");
    }

    @Test
    void shouldReachTheCommittedEndPastMarkersAndAbortedRecordsWithoutWaitingForAnOpenTransaction() throws Exception {
        CompactedTopicView<String> view = started();
        try (KafkaProducer<String, String> writer = transactional();
             KafkaProducer<String, String> other = transactional()) {
            writer.beginTransaction();
            writer.send(new ProducerRecord<>(topic.name(), "a", "aborted"));
            writer.abortTransaction();
            writer.beginTransaction();
            RecordMetadata committed = writer.send(new ProducerRecord<>(topic.name(), "a", "committed")).get();
            writer.commitTransaction();
            other.beginTransaction();
            other.send(new ProducerRecord<>(topic.name(), "b", "open")).get();
            // The commit marker is written after commitTransaction returns: wait until the broker counts it
            await().atMost(TIMEOUT).until(() -> view.committedEndOffsets(TIMEOUT).get(0) > committed.offset());

            Map<Integer, Long> end = view.committedEndOffsets(TIMEOUT);

            assertThat(view.awaitOffsets(end, TIMEOUT)).isTrue();
            assertThat(view.get("a")).contains("committed");
            assertThat(view.get("b")).isEmpty();
            other.abortTransaction();
        }
    }

    @Test
    void shouldTellListenersAboutEveryChange() throws Exception {
        CompactedTopicView<String> view = view();
        List<String> changes = new CopyOnWriteArrayList<>();
        view.addListener((key, value) -> changes.add(key + "=" + value));
        write("x", "1");
        view.start(TIMEOUT);
        write("x", null);

        assertThat(view.awaitCaughtUp(TIMEOUT)).isTrue();
        assertThat(changes).containsExactly("x=1", "x=null");
    }

    @Test
    void shouldSkipAnUnreadableRecordAndGoOn() throws Exception {
        Topic<String, Integer> numbers = new Topic<>(topic.name(), Serdes.String(), Serdes.Integer());
        CompactedTopicView<Integer> view = new CompactedTopicView<>("numbers", kafka(), numbers);
        opened.add(view);
        write("bad", "not four bytes");
        view.start(TIMEOUT);

        assertThat(view.get("bad")).isEmpty();
        assertThat(view.isRunning()).isTrue();
    }

    @Test
    void shouldWaitForATopicThatIsCreatedWhileItStarts() throws Exception {
        Topic<String, String> late = new Topic<>(SharedKafka.uniqueName("late"), Serdes.String(), Serdes.String());
        CompactedTopicView<String> view = new CompactedTopicView<>("late", kafka(), late);
        opened.add(view);
        CompletableFuture<Void> started = CompletableFuture.runAsync(() -> view.start(TIMEOUT));

        SharedKafka.createTopics(1, late.name());

        started.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(view.isRunning()).isTrue();
    }

    @Test
    void shouldRefuseToStartOnAMissingTopic() {
        Topic<String, String> missing = new Topic<>(SharedKafka.uniqueName("missing"), Serdes.String(), Serdes.String());
        CompactedTopicView<String> view = new CompactedTopicView<>("missing", kafka(), missing);
        opened.add(view);

        assertThatThrownBy(() -> view.start(Duration.ofSeconds(3))).isInstanceOf(IllegalStateException.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CompactedTopicView<String> started() {
        CompactedTopicView<String> view = view();
        view.start(TIMEOUT);
        return view;
    }

    private CompactedTopicView<String> view() {
        CompactedTopicView<String> view = new CompactedTopicView<>("test-view", kafka(), topic);
        opened.add(view);
        return view;
    }

    private KafkaProducer<String, String> transactional() {
        KafkaProducer<String, String> transactional = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, SharedKafka.uniqueName("view-tx")),
                new StringSerializer(), new StringSerializer());
        transactional.initTransactions();
        return transactional;
    }

    private void writeQuietly(String key, String value) {
        producer.send(new ProducerRecord<>(topic.name(), key, value));
        producer.flush();
    }

    private RecordMetadata write(String key, String value) throws Exception {
        return producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
    }

    private static KafkaConnection kafka() {
        return KafkaConnection.plain(SharedKafka.bootstrapServers());
    }
}
