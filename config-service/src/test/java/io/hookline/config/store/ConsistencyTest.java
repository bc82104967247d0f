package io.hookline.config.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Kafka as the database: read-your-writes across instances, no lost update, state rebuilt on restart. */
class ConsistencyTest {

    private static ConfigServiceInstance first;
    private static ConfigServiceInstance second;
    private static ApiClient one;
    private static ApiClient two;

    @BeforeAll
    static void start() {
        first = ConfigServiceInstance.start("consistency");
        second = first.sibling();
        one = first.admin();
        two = second.admin();
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void shouldShowAWriteOnOneInstanceToTheNextReadOnTheOther() {
        for (int i = 0; i < 5; i++) {
            String id = one.post("/api/v1/webhooks", "{\"name\": \"ryw-" + i + "\", \"url\": \"https://a.io\"}")
                    .json().get("id").asText();
            assertThat(two.get("/api/v1/webhooks/" + id).status()).isEqualTo(200);

            two.patch("/api/v1/webhooks/" + id, "{\"description\": \"v2\"}");
            assertThat(one.get("/api/v1/webhooks/" + id).json().get("description").asText()).isEqualTo("v2");

            one.delete("/api/v1/webhooks/" + id);
            assertThat(two.get("/api/v1/webhooks/" + id).status()).isEqualTo(404);
        }
    }

    @Test
    void shouldAnswer409ToAWriteBasedOnAStaleVersion() {
        var created = one.post("/api/v1/webhooks", "{\"name\": \"stale\", \"url\": \"https://a.io\"}");
        String id = created.json().get("id").asText();
        String etag = created.header("ETag");
        two.patch("/api/v1/webhooks/" + id, "{\"description\": \"someone else\"}");

        var staleIfMatch = one.send("PATCH", "/api/v1/webhooks/" + id, "{\"description\": \"mine\"}",
                "If-Match", etag);
        var staleVersion = one.put("/api/v1/webhooks/" + id, "{\"description\": \"mine\", \"version\": 1}");
        var staleDelete = one.send("DELETE", "/api/v1/webhooks/" + id, (String) null, "If-Match", etag);
        var fresh = one.send("PATCH", "/api/v1/webhooks/" + id, "{\"description\": \"mine\"}", "If-Match", "\"2\"");

        assertThat(staleIfMatch.status()).isEqualTo(409);
        assertThat(staleIfMatch.contentType()).startsWith("application/problem+json");
        assertThat(staleVersion.status()).isEqualTo(409);
        assertThat(staleDelete.status()).isEqualTo(409);
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
        assertThat(fresh.json().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void shouldLetExactlyOneOfConcurrentConditionalWritesWin() throws Exception {
        String id = one.post("/api/v1/webhooks", "{\"name\": \"race\", \"url\": \"https://a.io\"}")
                .json().get("id").asText();
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ApiClient client = i % 2 == 0 ? one : two;
            String body = "{\"description\": \"writer " + i + "\", \"version\": 1}";
            writers.add(() -> client.patch("/api/v1/webhooks/" + id, body).status());
        }

        List<Integer> statuses = runTogether(writers);

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(status -> status == 200).count()).isEqualTo(1);
        assertThat(two.get("/api/v1/webhooks/" + id).json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void shouldLoseNoUnconditionalWriteFromEitherInstance() throws Exception {
        String id = one.post("/api/v1/webhooks", "{\"name\": \"merge\", \"url\": \"https://a.io\"}")
                .json().get("id").asText();
        List<Callable<Integer>> writers = new ArrayList<>();
        String[] fields = {"description", "team", "failure_notification_email", "trigger_template"};
        String[] values = {"described", "SRE", "ops@example.com", "true"};
        for (int i = 0; i < fields.length; i++) {
            ApiClient client = i % 2 == 0 ? one : two;
            String body = "{\"" + fields[i] + "\": \"" + values[i] + "\"}";
            writers.add(() -> client.patch("/api/v1/webhooks/" + id, body).status());
        }

        List<Integer> statuses = runTogether(writers);

        assertThat(statuses).containsOnly(200);
        JsonNode result = one.get("/api/v1/webhooks/" + id).json();
        for (int i = 0; i < fields.length; i++) {
            assertThat(result.get(fields[i]).asText()).isEqualTo(values[i]);
        }
        assertThat(result.get("version").asLong()).isEqualTo(1 + fields.length);
    }

    @Test
    void shouldRebuildItsStateFromTheTopicOnRestart() {
        String id = one.post("/api/v1/webhooks", "{\"name\": \"durable\", \"url\": \"https://a.io\", "
                + "\"password\": \"p\"}").json().get("id").asText();
        one.patch("/api/v1/webhooks/" + id, "{\"description\": \"kept\"}");
        String deleted = one.post("/api/v1/webhooks", "{\"name\": \"gone\", \"url\": \"https://a.io\"}")
                .json().get("id").asText();
        one.delete("/api/v1/webhooks/" + deleted);

        try (ConfigServiceInstance restarted = first.sibling()) {
            ApiClient client = restarted.admin();

            JsonNode rebuilt = client.get("/api/v1/webhooks/" + id).json();
            assertThat(rebuilt.get("description").asText()).isEqualTo("kept");
            assertThat(rebuilt.get("version").asLong()).isEqualTo(2);
            assertThat(rebuilt.get("password").asText()).isEqualTo("****************");
            assertThat(client.get("/api/v1/webhooks/" + deleted).status()).isEqualTo(404);
        }
    }

    private static List<Integer> runTogether(List<Callable<Integer>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
