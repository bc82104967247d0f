package io.hookline.log.fuzz;

import static io.hookline.log.topology.Attempts.attempt;
import static io.hookline.log.topology.Attempts.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.contracts.delivery.Outcome;
import io.hookline.log.LogServiceInstance;
import io.hookline.log.TopicWriter;
import io.hookline.testkit.SharedKafka;
import io.hookline.testkit.fuzz.Endpoint;
import io.hookline.testkit.fuzz.FuzzCampaign;
import io.hookline.testkit.fuzz.FuzzTally;
import io.hookline.testkit.fuzz.HostileRequests;
import io.hookline.testkit.fuzz.RawHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand malformed and hostile requests across every endpoint of log-service, on one booted service with a
 * webhook and a few logged attempts: none may answer 500, show a stack trace, or answer an error other than as
 * {@code application/problem+json}. Seeded ({@code -Dhookline.fuzz.seed=N}); prints what it tried.
 */
class LogApiFuzzTest {

    private static final int TRIES = 10_000;
    private static final long SEED = Long.getLong("hookline.fuzz.seed", 20261128L);
    private static final String WEBHOOK = "wh-fuzz";
    private static final String DELIVERY = "d-fuzz-failed";

    private static LogServiceInstance log;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        String prefix = SharedKafka.uniqueName("log-fuzz") + ".";
        log = LogServiceInstance.start(prefix, Map.of());
        http = new RawHttp(log.port());
        Instant now = Instant.now();
        TopicWriter.webhook(prefix, WEBHOOK, "default", "https://fuzz.example/hook");
        TopicWriter.attempts(prefix, List.of(
                succeeded(WEBHOOK, "d-fuzz-ok", now.minusSeconds(60)),
                attempt(WEBHOOK, DELIVERY, 1, now.minusSeconds(30), Outcome.FAILED, 500, "incident.triggered", 30)));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                log.get("/api/v1/webhooks/" + WEBHOOK + "/responses", LogServiceInstance.ADMIN_TOKEN).body()
                        .contains(DELIVERY));
    }

    @AfterAll
    static void stop() {
        log.close();
    }

    @Test
    void shouldAnswerEveryHostileRequestWithAProblemAndNever500() {
        // Given ten thousand hostile requests over every endpoint and category
        HostileRequests requests = new HostileRequests(endpoints(), WEBHOOK, SEED);

        // When each is sent
        FuzzCampaign campaign = FuzzCampaign.run(http, requests, LogServiceInstance.ADMIN_TOKEN, TRIES,
                LogServiceInstance.CONTRACT.asFuzzCheck());
        FuzzTally tally = campaign.tally();
        System.out.println(tally.report("log-service (seed " + SEED + ")"));

        // Then none answered a 500, a stack trace, an error that is not a problem, or what the OpenAPI document does not say
        assertThat(campaign.failures()).isEmpty();
        assertThat(tally.total()).isEqualTo(TRIES);
        assertThat(tally.endpoints()).hasSize(endpoints().size());
        assertThat(tally.categories()).hasSize(13);
    }

    private static List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", "/api/v1/webhooks/{id}/responses")
                        .query("page", "page_size", "outcome", "status_code", "event_type", "from", "to"),
                Endpoint.of("GET", "/api/v1/webhooks/{id}/stats").query("window"),
                Endpoint.of("GET", "/api/v1/deliveries/{id}").withId(DELIVERY),
                Endpoint.of("GET", "/api/v1/internal/deliveries/{id}/attempts").withId(DELIVERY),
                Endpoint.of("POST", "/api/v1/deliveries/{id}/redeliver").withId(DELIVERY),
                Endpoint.of("POST", "/api/v1/webhooks/{id}/recover").query("since"));
    }
}
