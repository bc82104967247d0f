package io.hookline.contracts.topic;

import org.apache.kafka.common.serialization.Serde;

/** A topic name paired with the serdes of its keys and values. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    /** The same topic in an installation whose topic names carry a prefix (several installations, one cluster). */
    public Topic<K, V> withPrefix(String prefix) {
        return prefix == null || prefix.isEmpty() ? this : new Topic<>(prefix + name, keySerde, valueSerde);
    }
}
