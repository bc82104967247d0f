package io.hookline.contracts.topic;

import java.util.Map;

/** How a topic is created: its partitions and topic-level configuration. */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {
}
