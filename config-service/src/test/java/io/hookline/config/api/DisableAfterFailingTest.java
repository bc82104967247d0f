package io.hookline.config.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code disable_after_failing}: a duration from 1 minute to 90 days, else a 400 naming the field. */
class DisableAfterFailingTest {

    private static ConfigServiceInstance service;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("failing-window");
        api = service.admin();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no unit            | "5"      | a duration such as 90m
            unknown unit       | "5w"     | a duration such as 90m
            zero               | "0d"     | a duration such as 90m
            negative           | "-5d"    | a duration such as 90m
            fraction           | "1.5h"   | a duration such as 90m
            words              | "soon"   | a duration such as 90m
            bad ISO-8601       | "P5X"    | a duration such as 90m
            negative ISO-8601  | "PT-1H"  | a duration such as 90m
            blank              | " "      | a duration such as 90m
            seconds too short  | "30s"    | between 1 minute and 90 days
            ISO too short      | "PT59S"  | between 1 minute and 90 days
            over 90 days       | "91d"    | between 1 minute and 90 days
            overflowing        | "9999999999d" | between 1 minute and 90 days
            too long           | "PT000000000000000001H" | at most 20 characters
            a number           | 5        | must be a string
            """)
    void shouldRejectWithAFieldError(String rule, String value, String message) {
        var response = api.post("/api/v1/webhooks",
                "{\"name\": \"x\", \"url\": \"https://a.io\", \"disable_after_failing\": " + value + "}");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("disable_after_failing");
        assertThat(errors.get(0).get("message").asText()).contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"5d", "12h", "90m", "60s", "90d", "1m", "P5D", "PT12H", "p1d"})
    void shouldAcceptAndShowADurationInBounds(String value) {
        var created = api.post("/api/v1/webhooks",
                "{\"name\": \"window " + value + "\", \"url\": \"https://a.io\", \"disable_after_failing\": \""
                        + value + "\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("disable_after_failing").asText()).isEqualTo(value);
    }

    @Test
    void shouldRejectOnPatchAndClearWithNull() {
        String id = api.createWebhook("""
                {"name": "failing", "url": "https://a.io", "disable_after_failing": "5d"}
                """);

        var refused = api.patch("/api/v1/webhooks/" + id, "{\"disable_after_failing\": \"5 days\"}");
        var cleared = api.patch("/api/v1/webhooks/" + id, "{\"disable_after_failing\": null}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("disable_after_failing");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().get("disable_after_failing").isNull()).isTrue();
        assertThat(cleared.json().get("version").asLong()).isEqualTo(2);
    }
}
