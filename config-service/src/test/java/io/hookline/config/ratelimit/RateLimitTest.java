package io.hookline.config.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import io.hookline.testkit.SharedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Per-token limits of writes and of posted events. Requests that fail validation still count, so the tests spend a
 * token's allowance with bodies the controller refuses at once, far faster than the bucket refills.
 */
class RateLimitTest {

    private static final int WRITES_PER_SECOND = 3;
    private static final int EVENTS_PER_SECOND = 5;
    private static final String BAD_WEBHOOK = "{";
    private static ConfigServiceInstance service;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("rate-limit", Map.of(
                "hookline.api.rate-limit.writes-per-second", WRITES_PER_SECOND,
                "hookline.api.rate-limit.events-per-second", EVENTS_PER_SECOND));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldAllowABurstOfWritesUpToTheLimitThenAnswer429WithRetryAfter() {
        // Given a fresh token
        ApiClient token = newToken();

        // When it writes far more than its limit in a burst
        List<ApiClient.Response> answers = burstOfWrites(token, WRITES_PER_SECOND * 5);

        // Then its first writes pass (to validation, here), and later ones are refused with a problem and Retry-After
        assertThat(answers.subList(0, WRITES_PER_SECOND)).extracting(ApiClient.Response::status).containsOnly(400);
        ApiClient.Response refused = answers.stream().filter(answer -> answer.status() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("no 429 in " + answers));
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("status").asInt()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
    }

    @Test
    void shouldAllowWritesAgainOnceTheBucketRefilled() {
        ApiClient token = newToken();
        burstOfWrites(token, WRITES_PER_SECOND * 5);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> token.post("/api/v1/webhooks", BAD_WEBHOOK).status(), status -> status == 400);
    }

    @Test
    void shouldKeepEachTokensAllowanceApart() {
        // Given a token that has spent its writes
        ApiClient spent = newToken();
        assertThat(burstOfWrites(spent, WRITES_PER_SECOND * 5)).extracting(ApiClient.Response::status).contains(429);

        // Then another token of the same tenant still writes, and the spent one may still read and post events
        ApiClient other = newToken();
        assertThat(other.post("/api/v1/webhooks", BAD_WEBHOOK).status()).isEqualTo(400);
        assertThat(spent.get("/api/v1/webhooks").status()).isEqualTo(200);
        assertThat(spent.post("/api/v1/events", badEvents(1)).status()).isEqualTo(400);
    }

    @Test
    void shouldCountEveryEventOfABatchAgainstTheEventLimit() {
        // Given a token that posts a batch of as many events as it may post in a second
        ApiClient token = newToken();
        ApiClient.Response first = token.post("/api/v1/events", badEvents(EVENTS_PER_SECOND));

        // When it posts more such batches at once (a full batch needs a whole second of refill)
        List<ApiClient.Response> more = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            more.add(token.post("/api/v1/events", badEvents(EVENTS_PER_SECOND)));
        }

        // Then the first was let through to validation and the next is refused
        assertThat(first.status()).as(first.body()).isEqualTo(400);
        ApiClient.Response refused = more.stream().filter(answer -> answer.status() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("no 429 in " + more));
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isNotNull();
        // and the writes of that token are untouched
        assertThat(token.post("/api/v1/webhooks", BAD_WEBHOOK).status()).isEqualTo(400);
    }

    @Test
    void shouldRefuseABatchLargerThanASecondsAllowanceAs413() {
        ApiClient.Response answer = newToken().post("/api/v1/events", badEvents(EVENTS_PER_SECOND + 1));

        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.json().get("detail").asText()).contains(String.valueOf(EVENTS_PER_SECOND));
    }

    @Test
    void shouldAnswer401NotSpendAnAllowanceForRequestsWithoutAToken() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < WRITES_PER_SECOND * 3; i++) {
            statuses.add(service.client().post("/api/v1/webhooks", BAD_WEBHOOK).status());
        }

        assertThat(statuses).containsOnly(401);
    }

    private static List<ApiClient.Response> burstOfWrites(ApiClient token, int count) {
        List<ApiClient.Response> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(token.post("/api/v1/webhooks", BAD_WEBHOOK));
        }
        return answers;
    }

    private static String badEvents(int count) {
        return count == 1 ? "{}" : "[" + String.join(",", java.util.Collections.nCopies(count, "{}")) + "]";
    }

    /** A new token; the admin token is rate-limited like any other, so its own 429s are waited out. */
    private static ApiClient newToken() {
        String body = "{\"name\": \"" + SharedKafka.uniqueName("rl") + "\", \"scopes\": "
                + "[\"webhooks:read\", \"webhooks:write\", \"events:write\"]}";
        ApiClient.Response created = await().atMost(Duration.ofSeconds(10))
                .until(() -> service.admin().post("/api/v1/tokens", body), answer -> answer.status() != 429);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return service.client().withToken(created.json().get("token").asText());
    }
}
