package io.hookline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.size.SizeLimits;
import io.hookline.contracts.topic.TopicCatalog;
import io.hookline.contracts.topic.TopicSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart's KafkaTopics are the topic catalogue Hookline creates itself elsewhere, topic for topic. */
class KafkaTopicsTest {

    /** A rendering, and the catalogue it must match: prefix, partitions and event size limit. */
    record Case(String description, Rendered rendered, String prefix, int partitions, int eventMaxBytes) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("strimzi example", Chart.strimziExample(), "", 12, SizeLimits.DEFAULT_EVENT_MAX_BYTES),
                new Case("prefix, 3 partitions, 2 MiB events", Chart.render(Chart.exampleValues(), Map.of(
                        "kafka.topicPrefix", "acme.", "kafka.partitions", "3", "kafka.eventsMaxBytes", "2097152")),
                        "acme.", 3, 2 * 1024 * 1024),
                new Case("128 KiB events (records stay at 1 MiB)", Chart.render(Chart.exampleValues(), Map.of(
                        "kafka.eventsMaxBytes", "131072")), "", 12, 128 * 1024))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCatalogueTopicHasAKafkaTopicWithItsPartitionsAndConfigs(Case c) {
        List<TopicSpec> catalogue = TopicCatalog.all(c.prefix(), c.partitions(), new SizeLimits(c.eventMaxBytes()));
        Map<String, JsonNode> rendered = new HashMap<>();
        c.rendered().ofKind("KafkaTopic").forEach(topic -> rendered.put(topic.at("/spec/topicName").asText(), topic));

        assertThat(rendered.keySet()).containsExactlyInAnyOrderElementsOf(
                catalogue.stream().map(TopicSpec::name).toList());
        for (TopicSpec spec : catalogue) {
            JsonNode topic = rendered.get(spec.name());
            assertThat(topic.at("/spec/partitions").asInt()).as(spec.name()).isEqualTo(spec.partitions());
            assertThat(topic.at("/spec/replicas").asInt()).as(spec.name()).isEqualTo(3);
            assertThat(configs(topic)).as(spec.name()).isEqualTo(spec.configs());
            assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("hookline-kafka");
            assertThat(topic.at("/metadata/name").asText()).as("a DNS-1123 name").matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        }
    }

    private static Map<String, String> configs(JsonNode topic) {
        Map<String, String> configs = new HashMap<>();
        topic.at("/spec/config").fields().forEachRemaining(field -> configs.put(field.getKey(), field.getValue().asText()));
        return configs;
    }
}
