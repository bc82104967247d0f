package io.hookline.dispatcher.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.dispatcher.endpoint.ManualScheduler;
import io.hookline.dispatcher.endpoint.UntilWritten;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The offset of an unreadable job is finished only once its dead letter is written, however long that takes. */
class UnreadableJobsDivertTest {

    private static final Duration PAUSE = Duration.ofSeconds(5);

    private final ManualScheduler time = new ManualScheduler();
    private final List<ProducerRecord<String, byte[]>> written = new ArrayList<>();
    private int refusalsLeft = 2;
    private final UnreadableJobs unreadable = new UnreadableJobs(this::write, "webhook-deliveries-dlq",
            new UntilWritten(time, PAUSE));

    @Test
    void shouldNotLetTheOffsetPassAnUnreadableJobUntilItsDeadLetterIsWritten() {
        PartitionOffsets offsets = new PartitionOffsets();
        ConsumerRecord<String, byte[]> garbage = new ConsumerRecord<>("webhook-deliveries", 0, 0, "wh-1 url",
                "not json".getBytes(StandardCharsets.UTF_8));
        offsets.started(0);
        offsets.started(1);
        offsets.finished(1);

        unreadable.divert(garbage, "Unrecognized token 'not'", offsets::isRevoked)
                .thenRun(() -> offsets.finished(0));

        assertThat(offsets.toCommit()).hasValue(0);
        time.advance(PAUSE);
        assertThat(offsets.toCommit()).hasValue(0);
        time.advance(PAUSE);
        assertThat(offsets.toCommit()).hasValue(2);
        assertThat(written).hasSize(1);
        assertThat(written.get(0).key()).isEqualTo("wh-1 url");
        assertThat(written.get(0).value()).isEqualTo(garbage.value());
        assertThat(new String(written.get(0).headers().lastHeader("error").value(), StandardCharsets.UTF_8))
                .isEqualTo("unreadable");
    }

    @Test
    void shouldGiveUpWritingWhenThePartitionWentToAnotherInstance() {
        PartitionOffsets offsets = new PartitionOffsets();
        ConsumerRecord<String, byte[]> garbage = new ConsumerRecord<>("webhook-deliveries", 0, 0, "k", new byte[] {1});

        CompletableFuture<Void> diverted = unreadable.divert(garbage, "not JSON", offsets::isRevoked);
        offsets.revoke();
        time.advance(PAUSE.multipliedBy(3));

        assertThat(diverted).isCompletedExceptionally();
        assertThat(written).isEmpty();
    }

    private CompletableFuture<Void> write(ProducerRecord<String, byte[]> record) {
        if (refusalsLeft-- > 0) {
            return CompletableFuture.failedFuture(new IllegalStateException("broker refused the write"));
        }
        written.add(record);
        return CompletableFuture.completedFuture(null);
    }
}
