package io.hookline.config.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import io.hookline.testkit.SharedKafka;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/metadata/egress} answers the dispatcher's egress settings, never the proxy's URL. */
class EgressMetadataTest {

    private static final String PROXY = "http://hookline:pr0xy-secret@proxy.internal:3128";

    private static ConfigServiceInstance service;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("egress-metadata", Map.of(
                "hookline.dispatcher.egress-ips", List.of("203.0.113.7", "2001:db8::7"),
                "hookline.dispatcher.proxy", PROXY));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldListTheConfiguredAddressesToAReadToken() {
        var response = token("\"webhooks:read\"").get("/api/v1/metadata/egress");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("egress_ips")).extracting(node -> node.asText())
                .containsExactly("203.0.113.7", "2001:db8::7");
        assertThat(response.json().get("proxy").asBoolean()).isTrue();
        assertThat(response.body()).doesNotContain("proxy.internal").doesNotContain("pr0xy-secret");
    }

    @Test
    void shouldRefuseAnonymousCallersAndTokensWithoutReadScope() {
        assertThat(service.client().get("/api/v1/metadata/egress").status()).isEqualTo(401);
        assertThat(token("\"logs:read\"").get("/api/v1/metadata/egress").status()).isEqualTo(403);
    }

    @Test
    void shouldAnswerAnEmptyListWithoutAnyEgressSetting() {
        try (ConfigServiceInstance bare = ConfigServiceInstance.start("egress-metadata-bare")) {
            var response = bare.admin().get("/api/v1/metadata/egress");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("egress_ips")).isEmpty();
            assertThat(response.json().get("proxy").asBoolean()).isFalse();
        }
    }

    private static ApiClient token(String scopes) {
        var created = service.admin().post("/api/v1/tokens", "{\"name\": \"" + SharedKafka.uniqueName("egress")
                + "\", \"scopes\": [" + scopes + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return service.client().withToken("Bearer " + created.json().get("token").asText());
    }
}
