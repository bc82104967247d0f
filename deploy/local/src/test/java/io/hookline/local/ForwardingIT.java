package io.hookline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.event.OperationalTypes;
import io.hookline.contracts.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * #15 points 4 and 9 on the real processes and broker: an {@code after_forwarding} webhook follows a subject from its
 * {@code /trigger} until {@code unsubscribe_on} or a DELETE, across a matcher restart; operational events reach a
 * webhook that selects {@code hookline.*}, and a failing one of those produces no operational event about itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardingIT {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
    /** How long nothing more may arrive where nothing is expected, once a later marker has arrived. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    private Receiver receiver;
    private LocalSettings settings;
    private LocalStack stack;
    private HooklineApi api;
    private String webhooks;
    private String events;

    @BeforeAll
    void start() throws Exception {
        receiver = Receiver.wellBehaved((path, eventId, attempt) -> path.startsWith("/failing") ? 500 : 200);
        settings = FreePorts.settings(Files.createTempDirectory("hookline-forwarding"));
        stack = LocalStack.start(settings);
        api = new HooklineApi(stack.adminToken());
        webhooks = stack.url(Service.CONFIG) + "/api/v1/webhooks/";
        events = stack.url(Service.CONFIG) + "/api/v1/events";
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        receiver.close();
    }

    @Test
    void shouldFollowASubjectFromItsTriggerUntilUnsubscribedAcrossAMatcherRestart() throws Exception {
        String follower = create("""
                {"name":"follower","url":"%s","event_types":["incident.*"],"forwarding":"after_forwarding",
                 "unsubscribe_on":["incident.resolved"]}""".formatted(receiver.url("/follower")));
        // Receives every event: when it has an event, the matcher has matched that event for the follower too.
        create("""
                {"name":"marker","url":"%s","event_types":["incident.*"]}""".formatted(receiver.url("/marker")));

        // Nothing for the subject before its /trigger
        post("e1", "incident.triggered", "INC-F");
        awaitMarker("e1");

        // The /trigger sends its event and subscribes; the subject's next event follows, another subject's does not
        HooklineApi.Reply triggered = api.post(webhooks + follower + "/trigger", event("t1", "incident.triggered",
                "INC-F"));
        assertThat(triggered.status()).as(triggered.text()).isEqualTo(202);
        post("e2", "incident.acknowledged", "INC-F");
        post("x1", "incident.triggered", "INC-OTHER");
        await().atMost(DELIVERY_TIMEOUT).until(() -> followerEvents().contains("e2"));
        HooklineApi.Reply listed = api.get(webhooks + follower + "/subscriptions/");
        assertThat(listed.json().at("/results/0/subject").asText()).as(listed.text()).isEqualTo("INC-F");
        assertThat(listed.json().at("/results/0/event_id").asText()).isEqualTo("t1");

        // The matcher reads the subscription back from webhook-subscriptions after a restart
        stack.restart(Service.MATCHER);
        post("e3", "incident.triggered", "INC-F");
        await().atMost(DELIVERY_TIMEOUT).until(() -> followerEvents().contains("e3"));

        // incident.resolved is delivered, then the subscription is over
        post("e4", "incident.resolved", "INC-F");
        await().atMost(DELIVERY_TIMEOUT).until(() -> followerEvents().contains("e4"));
        await().atMost(DELIVERY_TIMEOUT).until(() -> api.get(webhooks + follower + "/subscriptions").json()
                .get("count").asInt() == 0);
        post("e5", "incident.triggered", "INC-F");
        awaitMarker("e5");

        // Subscribed again by a /trigger, unsubscribed by DELETE
        assertThat(api.post(webhooks + follower + "/trigger", event("t2", "incident.triggered", "INC-F")).status())
                .isEqualTo(202);
        HooklineApi.Reply deleted = api.delete(webhooks + follower + "/subscriptions/INC-F");
        assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);
        post("e6", "incident.triggered", "INC-F");
        awaitMarker("e6");

        await().during(QUIET).atMost(QUIET.plusSeconds(5))
                .until(() -> followerEvents().equals(List.of("t1", "e2", "e3", "e4", "t2")));
    }

    @Test
    void shouldTellAnOperationalWebhookAboutAnotherOneButNeverAboutItself() {
        // An operational webhook whose own endpoint fails, and a plain webhook whose endpoint fails
        String operational = create("""
                {"name":"ops to slack","url":"%s","event_types":["hookline.*"],"max_retries":0}"""
                .formatted(receiver.url("/failing/ops")));
        String plain = create("""
                {"name":"plain","url":"%s","event_types":["outage.*"],"max_retries":0}"""
                .formatted(receiver.url("/failing/plain")));

        post("o1", "outage.started", "OUT-1");

        // The plain one gives up and says so; the operational webhook receives that, fails, and gives up silently
        await().atMost(DELIVERY_TIMEOUT).until(() -> receiver.requests("/failing/ops").stream()
                .anyMatch(request -> plain.equals(request.subject())));
        List<String> aboutPlain = operationalEventTypes(plain);
        assertThat(aboutPlain).contains(OperationalTypes.ATTEMPT_EXHAUSTED);
        assertThat(receiver.requests("/failing/ops")).allMatch(request -> request.status() == 500)
                .noneMatch(request -> operational.equals(request.subject()));
        await().during(QUIET).atMost(QUIET.plusSeconds(5))
                .until(() -> operationalEventTypes(operational).isEmpty()
                        && receiver.requests("/failing/ops").size() == 1);
    }

    private String create(String json) {
        HooklineApi.Reply created = api.post(webhooks, json);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private void post(String id, String type, String subject) {
        HooklineApi.Reply accepted = api.post(events, event(id, type, subject));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
    }

    private static String event(String id, String type, String subject) {
        return """
                {"specversion":"1.0","id":"%s","source":"/incidents","type":"%s","subject":"%s",
                 "data":{"incident":{"id":"%s"}}}""".formatted(id, type, subject, subject);
    }

    private void awaitMarker(String eventId) {
        await().atMost(DELIVERY_TIMEOUT).until(() -> receiver.requests("/marker").stream()
                .anyMatch(request -> eventId.equals(request.eventId())));
    }

    private List<String> followerEvents() {
        return receiver.requests("/follower").stream().map(Receiver.Request::eventId).distinct().toList();
    }

    /** The types of the operational events about one webhook on webhook-operational-events so far. */
    private List<String> operationalEventTypes(String webhookId) {
        String topic = "webhook-operational-events";
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> types = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (webhookId.equals(record.key())) {
                        types.add(Json.fromBytes(record.value().getBytes(StandardCharsets.UTF_8), JsonNode.class)
                                .path("type").asText());
                    }
                }
            }
            return types;
        }
    }
}
