package io.hookline.config.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** No input makes any write endpoint answer 500: each bad body gets a 4xx problem+json. */
class BadInputTest {

    private static ConfigServiceInstance service;
    private static ApiClient api;
    private static String webhookId;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("badinput");
        api = service.admin();
        webhookId = api.post("/api/v1/webhooks", "{\"name\": \"target\", \"url\": \"https://example.com\"}")
                .json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static Stream<Arguments> badBodies() {
        List<String[]> endpoints = List.of(
                new String[] {"POST", "/api/v1/webhooks"},
                new String[] {"PUT", "/api/v1/webhooks/{id}"},
                new String[] {"PATCH", "/api/v1/webhooks/{id}/"},
                new String[] {"POST", "/api/v1/tokens"},
                new String[] {"POST", "/api/v1/events"});
        List<Object[]> bodies = List.of(
                new Object[] {"malformed JSON", bytes("{\"name\": ")},
                new Object[] {"trailing garbage", bytes("{} {}")},
                new Object[] {"duplicate keys", bytes("{\"name\": \"a\", \"name\": \"b\"}")},
                new Object[] {"not an object", bytes("\"just a string\"")},
                new Object[] {"a number", bytes("42")},
                new Object[] {"wrong types", bytes("{\"name\": [], \"url\": {}, \"max_retries\": \"3\", "
                        + "\"scopes\": 7, \"specversion\": 1}")},
                new Object[] {"empty body", new byte[0]},
                new Object[] {"invalid UTF-8", new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
                        '"', '}'}},
                new Object[] {"deep nesting", bytes("[".repeat(5_000) + "]".repeat(5_000))},
                new Object[] {"deep filter", bytes("{\"name\": \"d\", \"url\": \"https://a.io\", \"filter\": "
                        + "{\"not\": ".repeat(500) + "{}" + "}".repeat(500) + "}")},
                new Object[] {"huge number", bytes("{\"max_retries\": 1" + "0".repeat(5_000) + "}")},
                new Object[] {"over 1 MiB", bytes("{\"name\": \"" + "x".repeat(1024 * 1024 + 10) + "\"}")});
        List<Arguments> cases = new ArrayList<>();
        for (String[] endpoint : endpoints) {
            for (Object[] body : bodies) {
                cases.add(Arguments.of(endpoint[0], endpoint[1], body[0], body[1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("badBodies")
    void shouldAnswerAProblemNeverA500(String method, String path, String description, byte[] body) {
        var response = api.send(method, path.replace("{id}", webhookId), body);

        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(response.status());
        if (description.equals("over 1 MiB")) {
            assertThat(response.status()).isEqualTo(413);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddRequests")
    void shouldAnswerOddRequestsWithAProblem(String description, String method, String path, String contentType,
                                             int expectedStatus) {
        var response = api.send(method, path.replace("{id}", webhookId), bytes("{}"), "Content-Type", contentType);

        assertThat(response.status()).as(response.body()).isEqualTo(expectedStatus);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    static Stream<Arguments> oddRequests() {
        return Stream.of(
                Arguments.of("unknown path", "GET", "/api/v1/nothing", "application/json", 404),
                Arguments.of("unknown webhook", "GET", "/api/v1/webhooks/WHNOPE", "application/json", 404),
                Arguments.of("wrong method", "POST", "/api/v1/webhooks/{id}", "application/json", 405),
                Arguments.of("wrong media type", "POST", "/api/v1/webhooks", "text/plain", 415));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
