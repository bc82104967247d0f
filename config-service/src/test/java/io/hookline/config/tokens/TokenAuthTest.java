package io.hookline.config.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import io.hookline.contracts.auth.ApiToken;
import io.hookline.contracts.auth.TokenHash;
import io.hookline.contracts.topic.Topics;
import io.hookline.service.CompactedTopicView;
import io.hookline.service.KafkaConnection;
import io.hookline.testkit.SharedKafka;
import java.time.Duration;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tokens: issued once, stored as hashes, scoped per endpoint, confined to a tenant, revoked everywhere. */
class TokenAuthTest {

    private static ConfigServiceInstance service;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("tokens");
        admin = service.admin();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("GET", "/api/v1/webhooks", "webhooks:read"),
                Arguments.of("POST", "/api/v1/webhooks", "webhooks:write"),
                Arguments.of("GET", "/api/v1/webhooks/WHX", "webhooks:read"),
                Arguments.of("PUT", "/api/v1/webhooks/WHX", "webhooks:write"),
                Arguments.of("PATCH", "/api/v1/webhooks/WHX/", "webhooks:write"),
                Arguments.of("DELETE", "/api/v1/webhooks/WHX", "webhooks:write"),
                Arguments.of("POST", "/api/v1/webhooks/WHX/rotate-secret", "webhooks:write"),
                Arguments.of("GET", "/api/v1/actions/", "webhooks:read"),
                Arguments.of("POST", "/api/v1/actions", "webhooks:write"),
                Arguments.of("GET", "/api/v1/actions/WHX/", "webhooks:read"),
                Arguments.of("PUT", "/api/v1/actions/WHX", "webhooks:write"),
                Arguments.of("PATCH", "/api/v1/actions/WHX/", "webhooks:write"),
                Arguments.of("DELETE", "/api/v1/actions/WHX", "webhooks:write"),
                Arguments.of("GET", "/api/v1/event-types", "webhooks:read"),
                Arguments.of("POST", "/api/v1/events", "events:write"),
                Arguments.of("POST", "/api/v1/tokens", "tokens:admin"),
                Arguments.of("GET", "/api/v1/tokens", "tokens:admin"),
                Arguments.of("DELETE", "/api/v1/tokens/tok_x", "tokens:admin"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void shouldAnswer401WithoutAValidToken(String method, String path, String scope) {
        var anonymous = service.client().send(method, path, "{}");
        var unknown = service.client().withToken("Bearer hkl_unknown").send(method, path, "{}");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @MethodSource("endpoints")
    void shouldAnswer403WithoutTheScope(String method, String path, String scope) {
        String everyOtherScope = Stream.of("webhooks:read", "webhooks:write", "events:write", "logs:read",
                "tokens:admin").filter(other -> !other.equals(scope)).map(other -> "\"" + other + "\"")
                .reduce((a, b) -> a + "," + b).orElseThrow();
        ApiClient lacking = tokenClient("default", everyOtherScope);
        ApiClient holding = tokenClient("default", "\"" + scope + "\"");

        var refused = lacking.send(method, path, "{}");
        var allowed = holding.send(method, path, "{}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(allowed.status()).as(allowed.body()).isNotIn(401, 403);
    }

    @Test
    void shouldShowTheSecretOnceAndStoreOnlyItsHash() {
        var created = admin.post("/api/v1/tokens", "{\"name\": \"ci\", \"scopes\": [\"webhooks:read\"]}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode token = created.json();
        String secret = token.get("token").asText();
        assertThat(secret).startsWith("hkl_");
        assertThat(token.get("tenant").asText()).isEqualTo("default");
        JsonNode listed = admin.get("/api/v1/tokens").json().get("results");
        assertThat(listed.toString()).contains(token.get("id").asText()).doesNotContain(secret);
        try (var view = new CompactedTopicView<>("token-check",
                KafkaConnection.plain(SharedKafka.bootstrapServers()),
                Topics.API_TOKENS.withPrefix(service.prefix()))) {
            view.start(Duration.ofSeconds(30));
            ApiToken stored = view.get(token.get("id").asText()).orElseThrow();
            assertThat(stored.secretHash()).isEqualTo(TokenHash.of(secret));
        }
        assertThat(service.client().withToken(secret).get("/api/v1/webhooks").status()).isEqualTo(200);
    }

    @Test
    void shouldHideOtherTenantsWebhooksBehind404() {
        ApiClient acme = tokenClient("acme", "\"webhooks:read\",\"webhooks:write\"");
        ApiClient globex = tokenClient("globex", "\"webhooks:read\",\"webhooks:write\"");
        String id = acme.post("/api/v1/webhooks", "{\"name\": \"acme hook\", \"url\": \"https://acme.example\"}")
                .json().get("id").asText();

        assertThat(globex.get("/api/v1/webhooks/" + id).status()).isEqualTo(404);
        assertThat(globex.patch("/api/v1/webhooks/" + id, "{\"description\": \"mine\"}").status()).isEqualTo(404);
        assertThat(globex.delete("/api/v1/webhooks/" + id).status()).isEqualTo(404);
        assertThat(globex.get("/api/v1/webhooks").json().get("results").toString()).doesNotContain(id);
        assertThat(globex.post("/api/v1/webhooks", "{\"name\": \"acme hook\", \"url\": \"https://g.example\"}")
                .status()).isEqualTo(201);
        assertThat(acme.get("/api/v1/webhooks/" + id).json().get("description").isNull()).isTrue();
    }

    @Test
    void shouldRefuseGrantingScopesOrTenantsTheCallerLacks() {
        ApiClient tokenAdmin = tokenClient("acme", "\"tokens:admin\"");

        var escalation = tokenAdmin.post("/api/v1/tokens", "{\"name\": \"x\", \"scopes\": [\"webhooks:write\"]}");
        var otherTenant = tokenAdmin.post("/api/v1/tokens",
                "{\"name\": \"x\", \"tenant\": \"globex\", \"scopes\": [\"tokens:admin\"]}");
        var badScope = admin.post("/api/v1/tokens", "{\"name\": \"x\", \"scopes\": [\"root\"]}");

        assertThat(escalation.status()).isEqualTo(403);
        assertThat(otherTenant.status()).isEqualTo(403);
        assertThat(badScope.status()).isEqualTo(400);
        assertThat(badScope.json().get("errors").get(0).get("field").asText()).isEqualTo("scopes[0]");
    }

    @Test
    void shouldStopARevokedTokenOnEveryInstanceWithinFiveSeconds() {
        try (ConfigServiceInstance other = service.sibling()) {
            JsonNode token = admin.post("/api/v1/tokens", "{\"name\": \"short-lived\", \"scopes\": "
                    + "[\"webhooks:read\"]}").json();
            ApiClient onOther = other.client().withToken(token.get("token").asText());
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> onOther.get("/api/v1/webhooks").status() == 200);

            var revoked = admin.delete("/api/v1/tokens/" + token.get("id").asText());

            assertThat(revoked.status()).isEqualTo(204);
            assertThat(service.client().withToken(token.get("token").asText()).get("/api/v1/webhooks").status())
                    .isEqualTo(401);
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> onOther.get("/api/v1/webhooks").status() == 401);
            assertThat(admin.get("/api/v1/tokens").json().get("results").toString())
                    .doesNotContain(token.get("id").asText());
        }
    }

    @Test
    void shouldAnswer404ForAnotherTenantsToken() {
        JsonNode token = admin.post("/api/v1/tokens", "{\"name\": \"default's\", \"scopes\": [\"logs:read\"]}")
                .json();
        ApiClient acmeAdmin = tokenClient("acme", "\"tokens:admin\"");

        assertThat(acmeAdmin.delete("/api/v1/tokens/" + token.get("id").asText()).status()).isEqualTo(404);
    }

    private static ApiClient tokenClient(String tenant, String scopes) {
        var created = admin.post("/api/v1/tokens", "{\"name\": \"" + SharedKafka.uniqueName("t")
                + "\", \"tenant\": \"" + tenant + "\", \"scopes\": [" + scopes + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return service.client().withToken("Bearer " + created.json().get("token").asText());
    }
}
