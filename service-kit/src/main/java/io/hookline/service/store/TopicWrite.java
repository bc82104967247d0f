package io.hookline.service.store;

import io.hookline.contracts.topic.Topic;
import io.hookline.service.CompactedTopicView;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One record to write to a compacted topic (a null value is a tombstone), with the view of this instance that must
 * apply it before the write counts as done.
 */
public record TopicWrite(CompactedTopicView<?> view, ProducerRecord<byte[], byte[]> record) {

    public static <V> TopicWrite of(CompactedTopicView<V> view, Topic<String, V> topic, String key, V value) {
        byte[] valueBytes = value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value);
        return serialized(view, topic, key, valueBytes);
    }

    /** A value the caller serialized itself, e.g. JSON edited as a tree. */
    public static TopicWrite serialized(CompactedTopicView<?> view, Topic<String, ?> topic, String key, byte[] value) {
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        return new TopicWrite(view, new ProducerRecord<>(topic.name(), keyBytes, value));
    }
}
