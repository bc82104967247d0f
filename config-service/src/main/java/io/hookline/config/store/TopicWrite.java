package io.hookline.config.store;

import io.hookline.contracts.topic.Topic;
import io.hookline.service.CompactedTopicView;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One record to write to a compacted topic (a null value is a tombstone), with the view of this instance that must
 * apply it before the request answers.
 */
public record TopicWrite(CompactedTopicView<?> view, ProducerRecord<byte[], byte[]> record) {

    public static <V> TopicWrite of(CompactedTopicView<V> view, Topic<String, V> topic, String key, V value) {
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] valueBytes = value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value);
        return new TopicWrite(view, new ProducerRecord<>(topic.name(), keyBytes, valueBytes));
    }
}
