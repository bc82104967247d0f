package io.hookline.log.cluster;

import static io.hookline.log.LogServiceInstance.ADMIN_TOKEN;
import static io.hookline.log.topology.Attempts.attempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.delivery.DeliveryAttempt;
import io.hookline.contracts.delivery.Outcome;
import io.hookline.contracts.json.Json;
import io.hookline.log.LogServiceInstance;
import io.hookline.log.TopicWriter;
import io.hookline.testkit.SharedKafka;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two log-service instances of one application: every query is answered correctly by either, whichever owns the
 * data, and by the survivor once the other stops.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    private static final int WEBHOOKS = 12;

    private final String prefix = SharedKafka.uniqueName("log-two") + ".";
    private final Instant now = Instant.now();
    private LogServiceInstance first;
    private LogServiceInstance second;

    @BeforeAll
    void start() {
        first = LogServiceInstance.start(prefix, Map.of());
        second = LogServiceInstance.start(prefix, Map.of());
        List<DeliveryAttempt> attempts = new ArrayList<>();
        for (int w = 0; w < WEBHOOKS; w++) {
            // webhook w has w + 1 attempts: one delivery retried w times, then dead
            for (int a = 1; a <= w + 1; a++) {
                attempts.add(attempt(webhook(w), delivery(w), a, now.minusSeconds(100 - a),
                        a == w + 1 ? Outcome.DEAD : Outcome.RETRYING, 503, "incident.triggered", 10L * a));
            }
        }
        TopicWriter.attempts(prefix, attempts);
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.close();
        }
        first.close();
    }

    @Test
    void shouldAnswerEveryQueryFromEitherInstanceBeforeAndAfterOneStops() {
        // Given both instances own part of the webhooks
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertAllAnswered(List.of(first, second)));
        assertThat(owners()).containsExactlyInAnyOrder(first.port(), second.port());
        assertForwardedQueryToANonOwnerAnswers503();

        // When the second instance stops
        second.close();
        second = null;

        // Then the first answers everything alone, once it has taken over the partitions
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertAllAnswered(List.of(first)));
        assertThat(owners()).containsExactly(first.port());
    }

    private void assertAllAnswered(List<LogServiceInstance> instances) throws IOException {
        for (LogServiceInstance instance : instances) {
            for (int w = 0; w < WEBHOOKS; w++) {
                HttpResponse<String> page = instance.get("/api/v1/webhooks/" + webhook(w) + "/responses?page_size=5",
                        ADMIN_TOKEN);
                assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                JsonNode body = Json.MAPPER.readTree(page.body());
                assertThat(body.path("count").asInt()).isEqualTo(w + 1);
                assertThat(body.path("results").get(0).path("attempt").asInt()).isEqualTo(w + 1);
                assertThat(body.path("results").get(0).path("webhook_id").asText()).isEqualTo(webhook(w));

                HttpResponse<String> delivery = instance.get("/api/v1/deliveries/" + delivery(w), ADMIN_TOKEN);
                assertThat(delivery.statusCode()).as(delivery.body()).isEqualTo(200);
                assertThat(Json.MAPPER.readTree(delivery.body()).path("count").asInt()).isEqualTo(w + 1);

                HttpResponse<String> stats = instance.get("/api/v1/webhooks/" + webhook(w) + "/stats", ADMIN_TOKEN);
                assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
                assertThat(Json.MAPPER.readTree(stats.body()).path("counts").path("dead").asInt()).isEqualTo(1);
            }
        }
    }

    private void assertForwardedQueryToANonOwnerAnswers503() {
        StoreLocator locator = first.context().getBean(StoreLocator.class);
        int ownedBySecond = java.util.stream.IntStream.range(0, WEBHOOKS)
                .filter(w -> locator.locateWebhook(webhook(w)).host().port() == second.port())
                .findFirst().orElseThrow();
        HttpResponse<String> response = first.send("GET", "/api/v1/webhooks/" + webhook(ownedBySecond) + "/responses",
                ADMIN_TOKEN, Forwarder.FORWARDED_HEADER, "true");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    /** The ports of the instances that own the test's webhooks, as the first instance sees it. */
    private Set<Integer> owners() {
        StoreLocator locator = first.context().getBean(StoreLocator.class);
        Set<Integer> ports = new HashSet<>();
        for (int w = 0; w < WEBHOOKS; w++) {
            ports.add(locator.locateWebhook(webhook(w)).host().port());
        }
        return ports;
    }

    private static String webhook(int w) {
        return "wh-" + w;
    }

    private static String delivery(int w) {
        return "del-" + w;
    }
}
