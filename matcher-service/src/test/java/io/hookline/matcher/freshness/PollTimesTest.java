package io.hookline.matcher.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PollTimesTest {

    private final String topic = "events-" + UUID.randomUUID();
    private final PollTimes interceptor = new PollTimes();

    @Test
    void shouldTellWhenThePollThatReturnedARecordHappened() {
        long before = System.nanoTime();
        poll(0, 4);
        long between = System.nanoTime();
        poll(5, 9);

        long first = PollTimes.polledAt(topic, 0, 2).orElseThrow();
        assertThat(first).isBetween(before, between);
        assertThat(PollTimes.polledAt(topic, 0, 4).orElseThrow()).isEqualTo(first);
        assertThat(PollTimes.polledAt(topic, 0, 7).orElseThrow()).isGreaterThanOrEqualTo(between);
    }

    @Test
    void shouldAnswerForAnEarlierOffsetWithALaterPollThatHadItInTheTopic() {
        // A partition read again from its committed offset after a rebalance: any poll that returned a later offset
        // came after the earlier record was written.
        poll(10, 20);
        assertThat(PollTimes.polledAt(topic, 0, 3)).isPresent();
    }

    @Test
    void shouldKnowNothingOfRecordsItNeverSaw() {
        poll(0, 4);
        assertThat(PollTimes.polledAt(topic, 0, 5)).isEqualTo(OptionalLong.empty());
        assertThat(PollTimes.polledAt(topic, 1, 0)).isEqualTo(OptionalLong.empty());
        assertThat(PollTimes.polledAt("other-" + topic, 0, 0)).isEqualTo(OptionalLong.empty());
    }

    private void poll(long firstOffset, long lastOffset) {
        List<ConsumerRecord<byte[], byte[]>> records = new java.util.ArrayList<>();
        for (long offset = firstOffset; offset <= lastOffset; offset++) {
            records.add(new ConsumerRecord<>(topic, 0, offset, new byte[0], new byte[0]));
        }
        ConsumerRecords<byte[], byte[]> polled = new ConsumerRecords<>(Map.of(new TopicPartition(topic, 0), records),
                Map.of());
        assertThat(interceptor.onConsume(polled)).isSameAs(polled);
    }
}
