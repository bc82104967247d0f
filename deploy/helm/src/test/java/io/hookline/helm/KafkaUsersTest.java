package io.hookline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.contracts.topic.TopicCatalog;
import io.hookline.contracts.topic.TopicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Each service's KafkaUser allows what its code does on Kafka, under the installation's prefix: the topics of the
 * catalogue, its consumer group or Kafka Streams application id, and the config writer's transactional id.
 */
class KafkaUsersTest {

    private static final String PREFIX = "acme-";

    /** One ACL rule: resource type, name, pattern type and operations. */
    record Acl(String type, String name, String patternType, Set<String> operations) {
        boolean covers(String type, String name, String operation) {
            return this.type.equals(type) && operations.contains(operation)
                    && (patternType.equals("literal") ? this.name.equals(name) : name.startsWith(this.name));
        }
    }

    private static final Rendered rendered = Chart.render(Chart.exampleValues(), Map.of("kafka.topicPrefix", PREFIX));

    @Test
    void everyServiceHasAScramUserWithSimpleAuthorization() {
        assertThat(rendered.ofKind("KafkaUser")).extracting(user -> user.at("/metadata/name").asText())
                .containsExactlyInAnyOrder("hookline-config-service", "hookline-matcher-service",
                        "hookline-dispatcher-service", "hookline-log-service");
        assertThat(rendered.ofKind("KafkaUser")).allSatisfy(user -> {
            assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
            assertThat(user.at("/spec/authorization/type").asText()).isEqualTo("simple");
        });
    }

    @Test
    void everyTopicAclNamesACatalogueTopicOrAStreamsApplicationsOwnTopics() {
        List<String> topics = TopicCatalog.all(PREFIX, 6).stream().map(TopicSpec::name).toList();
        List<String> streamsApplications = List.of(PREFIX + "hookline-matcher", PREFIX + "hookline-log");

        for (ObjectNode user : rendered.ofKind("KafkaUser")) {
            assertThat(acls(user)).filteredOn(acl -> acl.type().equals("topic")).allSatisfy(acl -> assertThat(
                    acl.patternType().equals("literal") ? topics.contains(acl.name())
                            : streamsApplications.contains(acl.name())
                            || topics.stream().anyMatch(topic -> topic.startsWith(acl.name())))
                    .as("%s of %s", acl, user.at("/metadata/name").asText()).isTrue());
        }
    }

    @Test
    void everyCatalogueTopicIsWrittenBySomeService() {
        List<Acl> all = rendered.ofKind("KafkaUser").stream().flatMap(user -> acls(user).stream()).toList();

        for (TopicSpec topic : TopicCatalog.all(PREFIX, 6)) {
            assertThat(all).as(topic.name()).anyMatch(acl -> acl.covers("topic", topic.name(), "Write"));
        }
    }

    @Test
    void theDispatchersGroupIsTheOneItIsToldToUse() {
        String group = Workload.named(rendered, "hookline-dispatcher-service").envValue("HOOKLINE_DISPATCHER_GROUP_ID");

        assertThat(group).isEqualTo(PREFIX + "hookline-dispatcher");
        assertThat(acls(user("hookline-dispatcher-service"))).anyMatch(acl -> acl.covers("group", group, "Read"));
        for (String retry : List.of("webhook-deliveries-retry-10s", "webhook-deliveries-retry-24h", "webhook-deliveries")) {
            assertThat(acls(user("hookline-dispatcher-service")))
                    .anyMatch(acl -> acl.covers("topic", PREFIX + retry, "Read"))
                    .anyMatch(acl -> acl.covers("topic", PREFIX + retry, "Write"));
        }
    }

    @Test
    void configAndDispatcherShareTheConfigWritersTransactionalId() {
        for (String service : List.of("hookline-config-service", "hookline-dispatcher-service")) {
            assertThat(acls(user(service))).as(service)
                    .anyMatch(acl -> acl.covers("transactionalId", PREFIX + "hookline-config-writer", "Write"))
                    .anyMatch(acl -> acl.covers("topic", PREFIX + "webhook-config", "Write"));
        }
        assertThat(acls(user("hookline-log-service"))).noneMatch(acl -> acl.covers("topic", PREFIX + "webhook-config", "Write"));
    }

    @Test
    void streamsApplicationsOwnTheirInternalTopicsAndGroup() {
        for (String service : List.of("matcher", "log")) {
            String applicationId = PREFIX + "hookline-" + service;
            List<Acl> acls = acls(user("hookline-" + service + "-service"));
            assertThat(acls).as(service)
                    .anyMatch(acl -> acl.covers("group", applicationId, "Read"))
                    .anyMatch(acl -> acl.covers("topic", applicationId + "-store-changelog", "Create"))
                    .anyMatch(acl -> acl.covers("topic", applicationId + "-store-changelog", "Write"))
                    .anyMatch(acl -> acl.covers("transactionalId", applicationId + "-0_0", "Write"));
        }
        assertThat(acls(user("hookline-matcher-service")))
                .anyMatch(acl -> acl.covers("topic", PREFIX + "domain-events", "Read"))
                .anyMatch(acl -> acl.covers("topic", PREFIX + "webhook-deliveries", "Write"));
    }

    private ObjectNode user(String name) {
        return rendered.get("KafkaUser", name);
    }

    private static List<Acl> acls(JsonNode user) {
        List<Acl> acls = new ArrayList<>();
        for (JsonNode rule : user.at("/spec/authorization/acls")) {
            Set<String> operations = Set.copyOf(StreamSupport.stream(rule.path("operations").spliterator(), false)
                    .map(JsonNode::asText).toList());
            acls.add(new Acl(rule.at("/resource/type").asText(), rule.at("/resource/name").asText(),
                    rule.at("/resource/patternType").asText("literal"), operations));
        }
        return acls;
    }
}
