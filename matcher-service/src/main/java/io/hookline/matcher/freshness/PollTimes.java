package io.hookline.matcher.freshness;

import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * When the stream threads' consumers fetched each record of {@code domain-events}: a moment known to come after the
 * record was produced, without trusting any clock but this JVM's. Every record of one poll shares that moment, so one
 * offset snapshot asked for after it clears the whole poll for the freshness gate, instead of one round trip to Kafka
 * per event. Installed as the main consumer's interceptor; Kafka instantiates it, hence the shared registry.
 */
public final class PollTimes implements ConsumerInterceptor<byte[], byte[]> {

    /** Polls remembered per partition at most; an older one only makes the gate ask Kafka once more. */
    private static final int MAX_POLLS_PER_PARTITION = 1_000;
    private static final Map<TopicPartition, Deque<Poll>> POLLS = new ConcurrentHashMap<>();

    private record Poll(long lastOffset, long polledNanos) {
    }

    @Override
    public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
        long now = System.nanoTime();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> fetched = records.records(partition);
            Deque<Poll> polls = POLLS.computeIfAbsent(partition, ignored -> new ConcurrentLinkedDeque<>());
            polls.addLast(new Poll(fetched.get(fetched.size() - 1).offset(), now));
            while (polls.size() > MAX_POLLS_PER_PARTITION) {
                polls.pollFirst();
            }
        }
        return records;
    }

    /**
     * The {@link System#nanoTime} of a poll that returned a record at or after {@code offset} of {@code partition}
     * (so the record at {@code offset} existed by then), if one is remembered. Records are asked for in offset order,
     * so polls wholly before {@code offset} are forgotten.
     */
    public static OptionalLong polledAt(String topic, int partition, long offset) {
        Deque<Poll> polls = POLLS.get(new TopicPartition(topic, partition));
        if (polls == null) {
            return OptionalLong.empty();
        }
        Poll first;
        while ((first = polls.peekFirst()) != null && first.lastOffset() < offset) {
            polls.remove(first);
        }
        return first == null ? OptionalLong.empty() : OptionalLong.of(first.polledNanos());
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
