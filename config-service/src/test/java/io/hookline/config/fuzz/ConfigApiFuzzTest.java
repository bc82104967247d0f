package io.hookline.config.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import io.hookline.testkit.fuzz.Endpoint;
import io.hookline.testkit.fuzz.FuzzCampaign;
import io.hookline.testkit.fuzz.FuzzTally;
import io.hookline.testkit.fuzz.HostileRequests;
import io.hookline.testkit.fuzz.RawHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand malformed and hostile requests across every endpoint of config-service, on one booted service: none
 * may answer 500, show a stack trace, or answer an error other than as {@code application/problem+json}. The run is
 * seeded ({@code -Dhookline.fuzz.seed=N} repeats another one) and prints what it tried, by category and endpoint.
 */
class ConfigApiFuzzTest {

    private static final int TRIES = 10_000;
    private static final long SEED = Long.getLong("hookline.fuzz.seed", 20261128L);
    private static final String[] FIELDS_OF_WEBHOOK = {"name", "url", "urls", "http_method", "trigger_type",
        "event_types", "integration_filter", "filter", "trigger_template", "data", "forward_all", "headers",
        "username", "password", "authorization_header", "team", "is_webhook_enabled", "description",
        "failure_notification_email", "signing_secret", "max_retries", "timeout_ms", "rate_limit_per_second",
        "ordering", "version", "disable_after_failing"};
    private static final String[] FIELDS_OF_EVENT = {"specversion", "id", "source", "type", "subject", "time",
        "data", "tenant", "datacontenttype", "traceparent"};

    private static ConfigServiceInstance service;
    private static RawHttp http;
    private static String webhookId;
    private static String disabledWebhookId;

    @BeforeAll
    static void start() {
        // The rate limits are off: they would answer most of these requests before validation does.
        service = ConfigServiceInstance.start("fuzz", Map.of(
                "hookline.api.rate-limit.writes-per-second", 0,
                "hookline.api.rate-limit.events-per-second", 0));
        http = new RawHttp(service.context().getBean(EmbeddedServer.class).getPort());
        webhookId = service.admin().createWebhook("{\"name\": \"fuzzed\", \"url\": \"https://fuzz.example/hook\"}");
        // A disabled webhook for /test and /trigger, which answer 409 for it instead of sending.
        disabledWebhookId = service.admin().createWebhook("{\"name\": \"fuzzed disabled\", \"url\": "
                + "\"https://fuzz.example/off\", \"is_webhook_enabled\": false}");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldAnswerEveryHostileRequestWithAProblemAndNever500() {
        // Given ten thousand hostile requests over every endpoint and category
        HostileRequests requests = new HostileRequests(endpoints(), webhookId, SEED);

        // When each is sent
        FuzzCampaign campaign = FuzzCampaign.run(http, requests, ConfigServiceInstance.ADMIN_TOKEN, TRIES,
                ApiClient.CONTRACT.asFuzzCheck());
        FuzzTally tally = campaign.tally();
        System.out.println(tally.report("config-service (seed " + SEED + ")"));

        // Then none answered a 500, a stack trace, an error that is not a problem, or what the OpenAPI document does not say
        assertThat(campaign.failures()).isEmpty();
        assertThat(tally.total()).isEqualTo(TRIES);
        assertThat(tally.endpoints()).hasSize(endpoints().size());
        assertThat(tally.categories()).hasSize(13);
    }

    private static List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", "/api/v1/webhooks").query("page", "page_size"),
                Endpoint.of("POST", "/api/v1/webhooks").body(FIELDS_OF_WEBHOOK),
                Endpoint.of("GET", "/api/v1/webhooks/{id}"),
                Endpoint.of("PUT", "/api/v1/webhooks/{id}").body(FIELDS_OF_WEBHOOK),
                Endpoint.of("PATCH", "/api/v1/webhooks/{id}").body(FIELDS_OF_WEBHOOK),
                Endpoint.of("DELETE", "/api/v1/webhooks/{id}").withId("WHfuzzNotThere"),
                Endpoint.of("POST", "/api/v1/webhooks/{id}/rotate-secret").withId("WHfuzzNotThere"),
                Endpoint.of("GET", "/api/v1/actions").query("page", "page_size"),
                Endpoint.of("POST", "/api/v1/webhooks/preview").body("webhook", "event", "name", "url", "filter",
                        "data", "trigger_template", "headers"),
                Endpoint.of("POST", "/api/v1/webhooks/{id}/trigger").body(FIELDS_OF_EVENT).withId(disabledWebhookId),
                Endpoint.of("POST", "/api/v1/webhooks/{id}/test").body("event_type", "data").withId(disabledWebhookId),
                Endpoint.of("POST", "/api/v1/events").body(FIELDS_OF_EVENT),
                Endpoint.of("GET", "/api/v1/event-types").query("page", "page_size"),
                Endpoint.of("GET", "/api/v1/metadata/egress"),
                Endpoint.of("POST", "/api/v1/tokens").body("name", "tenant", "scopes"),
                Endpoint.of("GET", "/api/v1/tokens").query("page", "page_size"),
                Endpoint.of("DELETE", "/api/v1/tokens/{id}").withId("tok_fuzzNotThere"),
                Endpoint.of("GET", "/openapi.yml"));
    }
}
