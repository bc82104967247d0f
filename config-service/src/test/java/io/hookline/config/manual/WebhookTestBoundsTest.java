package io.hookline.config.manual;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/webhooks/{id}/test} under load: one shared reader of the attempt log answers every waiting
 * test, and each tenant has a bounded number of tests running at once.
 */
class WebhookTestBoundsTest {

    private static final String TEST = "{\"event_type\": \"incident.triggered\"}";

    private static ConfigServiceInstance service;
    private static ApiClient admin;
    private static AttemptLogReader reader;
    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(40);

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("webhook-test-bounds",
                Map.of("hookline.webhook-test.max-concurrent-per-tenant", 2));
        admin = service.admin();
        reader = service.context().getBean(AttemptLogReader.class);
    }

    @AfterAll
    static void stop() {
        CLIENTS.shutdownNow();
        service.close();
    }

    @Test
    void shouldAnswer429BeyondTheTenantsConcurrentTestsAndAcceptMoreOnceTheyAnswered() throws Exception {
        // Given two tests of the default tenant waiting for a dispatcher
        String id = admin.createWebhook("{\"name\": \"bounded\", \"url\": \"https://example.com/\", \"timeout_ms\": 20000}");
        String path = "/api/v1/webhooks/" + id + "/test";
        var first = CompletableFuture.supplyAsync(() -> admin.post(path, TEST), CLIENTS);
        var second = CompletableFuture.supplyAsync(() -> admin.post(path, TEST), CLIENTS);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> reader.waitingCount() == 2);

        // When a third one comes
        var third = admin.post(path, TEST);

        // Then it gets a 429 problem with Retry-After, while another tenant may still test
        assertThat(third.status()).as(third.body()).isEqualTo(429);
        assertThat(third.contentType()).startsWith("application/problem+json");
        assertThat(third.header("Retry-After")).isEqualTo("5");
        assertThat(third.json().get("detail").asText()).contains("hookline.webhook-test.max-concurrent-per-tenant");
        String acme = admin.post("/api/v1/tokens",
                "{\"name\": \"acme\", \"tenant\": \"acme\", \"scopes\": [\"webhooks:write\"]}").json().get("token").asText();
        ApiClient acmeClient = service.client().withToken(acme);
        String acmeHook = acmeClient.createWebhook("{\"name\": \"acme\", \"url\": \"https://example.com/\"}");
        var acmeTest = CompletableFuture.supplyAsync(
                () -> acmeClient.post("/api/v1/webhooks/" + acmeHook + "/test", TEST), CLIENTS);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> reader.waitingCount() == 3);

        // And once a dispatcher answers, the waiting tests answer 200 and the tenant may test again
        try (AnsweringDispatcher dispatcher = new AnsweringDispatcher(service.prefix())) {
            assertThat(first.get().status()).as(first.get().body()).isEqualTo(200);
            assertThat(second.get().status()).isEqualTo(200);
            assertThat(acmeTest.get().status()).isEqualTo(200);
            var again = admin.post(path, TEST);
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().get("responses").get(0).get("status_code").asInt()).isEqualTo(200);
        }
        assertThat(reader.waitingCount()).isZero();
    }

    @Test
    void shouldAnswerManyConcurrentTestsFromTheOneSharedReader() throws Exception {
        // Given 20 tenants, each with a webhook (timeout 10 s), and no dispatcher yet
        List<ApiClient> tenants = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String token = admin.post("/api/v1/tokens", "{\"name\": \"t" + i + "\", \"tenant\": \"many-" + i
                    + "\", \"scopes\": [\"webhooks:write\"]}").json().get("token").asText();
            ApiClient tenant = service.client().withToken(token);
            tenants.add(tenant);
            paths.add("/api/v1/webhooks/" + tenant.createWebhook(
                    "{\"name\": \"many\", \"url\": \"https://example.com/" + i + "\"}") + "/test");
        }

        // When each tenant runs two tests at once (40 in all)
        List<CompletableFuture<ApiClient.Response>> tests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ApiClient tenant = tenants.get(i % 20);
            String path = paths.get(i % 20);
            tests.add(CompletableFuture.supplyAsync(() -> tenant.post(path, TEST), CLIENTS));
        }

        // Then while all 40 wait for their attempts, no server thread is held by any of them
        // (a thread may still be publishing its job just after registering, so the release is awaited)
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> reader.waitingCount() == 40);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Thread.getAllStackTraces().values()).noneMatch(stack -> List.of(stack).stream()
                        .anyMatch(frame -> frame.getClassName().equals(ManualDeliveryController.class.getName()))));
        assertThat(reader.waitingCount()).isEqualTo(40);
        assertThat(tests).noneMatch(CompletableFuture::isDone);

        // And once a dispatcher answers, every one answers 200 with the response to its own delivery
        try (AnsweringDispatcher dispatcher = new AnsweringDispatcher(service.prefix())) {
            Set<String> deliveries = new HashSet<>();
            for (CompletableFuture<ApiClient.Response> test : tests) {
                ApiClient.Response response = test.get();
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                String deliveryId = response.json().get("delivery_ids").get(0).asText();
                assertThat(response.json().get("responses").get(0).get("body").asText()).isEqualTo(deliveryId);
                deliveries.add(deliveryId);
            }
            assertThat(deliveries).hasSize(40);
        }
        assertThat(reader.waitingCount()).isZero();
    }
}
