package io.hookline.config.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.service.openapi.OpenApiDocumentController;
import io.hookline.testkit.openapi.HttpExchange;
import io.hookline.testkit.openapi.OpenApiContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check on every API test exchange catches the defects the old generated document had. */
class OpenApiContractStrictnessTest {

    /** Its own contract, so that these made-up exchanges count in no summary of real ones. */
    private static final OpenApiContract CONTRACT = OpenApiContract.fromClasspath(OpenApiDocumentController.RESOURCE);
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final Map<String, List<String>> PROBLEM = Map.of("Content-Type",
            List.of("application/problem+json"));
    private static final String CREATE = "{\"name\": \"n\", \"url\": \"https://example.com/hook\"}";
    private static final String PROBLEM_401 = "{\"type\": \"about:blank\", \"title\": \"Unauthorized\", "
            + "\"status\": 401, \"detail\": \"A valid API token is required\", \"errors\": []}";

    private static final Map<String, List<String>> JSON_WITH_ETAG = Map.of(
            "Content-Type", List.of("application/json"), "ETag", List.of("\"1\""));

    @Test
    void shouldAcceptAnExchangeAsTheApiMakesIt() {
        HttpExchange created = new HttpExchange("POST", "/api/v1/webhooks/", JSON, CREATE, 201, JSON_WITH_ETAG,
                webhook());

        assertThatCode(() -> CONTRACT.check(created)).doesNotThrowAnyException();
    }

    @Test
    void shouldCatchAMissingETag() {
        HttpExchange created = new HttpExchange("POST", "/api/v1/webhooks", JSON, CREATE, 201, JSON, webhook());

        assertThatThrownBy(() -> CONTRACT.check(created)).hasMessageContaining("ETag");
    }

    @Test
    void shouldCatchACamelCaseRequestField() {
        String camelCase = "{\"name\": \"n\", \"url\": \"https://example.com/hook\", \"isWebhookEnabled\": true}";
        HttpExchange exchange = new HttpExchange("POST", "/api/v1/webhooks", JSON, camelCase, 201, JSON, webhook());

        assertThatThrownBy(() -> CONTRACT.check(exchange)).hasMessageContaining("isWebhookEnabled");
    }

    @Test
    void shouldCatchACamelCaseResponseField() {
        String camelCase = webhook().replace("\"signing_secret\"", "\"signingSecret\"");
        HttpExchange exchange = new HttpExchange("GET", "/api/v1/webhooks/WH1", Map.of(), null, 200, JSON, camelCase);

        assertThatThrownBy(() -> CONTRACT.check(exchange))
                .hasMessageContaining("signingSecret")
                .hasMessageContaining("signing_secret");
    }

    @Test
    void shouldCatchAStatusTheDocumentDoesNotName() {
        HttpExchange answered200 = new HttpExchange("POST", "/api/v1/webhooks", JSON, CREATE, 200, JSON, webhook());

        assertThatThrownBy(() -> CONTRACT.check(answered200))
                .hasMessageContaining("Response status 200 not defined");
    }

    @Test
    void shouldCatchABodySentAsBytesInsteadOfAnObject() {
        String bytes = "\"W0JAMWU1NWFkNDg=\"";
        HttpExchange exchange = new HttpExchange("POST", "/api/v1/tokens", JSON, bytes, 201, JSON,
                "{\"id\": \"t\", \"name\": \"ci\", \"tenant\": \"default\", \"scopes\": [\"webhooks:read\"], "
                        + "\"created_at\": \"2026-11-28T10:00:00Z\", \"token\": \"hkl_x\"}");

        assertThatThrownBy(() -> CONTRACT.check(exchange)).hasMessageContaining("string");
    }

    @Test
    void shouldCatchAnErrorThatIsNotAProblem() {
        Map<String, List<String>> text = Map.of("Content-Type", List.of("text/plain"));
        HttpExchange plain = new HttpExchange("GET", "/api/v1/webhooks", Map.of(), null, 401, text, "Unauthorized");
        HttpExchange problem = new HttpExchange("GET", "/api/v1/webhooks", Map.of(), null, 401, PROBLEM, PROBLEM_401);

        assertThatThrownBy(() -> CONTRACT.check(plain)).hasMessageContaining("text/plain");
        assertThatCode(() -> CONTRACT.check(problem)).doesNotThrowAnyException();
    }

    @Test
    void shouldCatchAMissingRequiredResponseField() {
        String withoutVersion = webhook().replace("\"version\": 1, ", "");
        HttpExchange exchange = new HttpExchange("GET", "/api/v1/webhooks/WH1", Map.of(), null, 200, JSON,
                withoutVersion);

        assertThatThrownBy(() -> CONTRACT.check(exchange)).hasMessageContaining("version");
    }

    @Test
    void shouldCountOnlySucceedingExchangesAsCoverage() {
        OpenApiContract fresh = OpenApiContract.fromClasspath(OpenApiDocumentController.RESOURCE);

        fresh.check(new HttpExchange("GET", "/api/v1/webhooks/WH1/", Map.of(), null, 200, JSON_WITH_ETAG, webhook()));
        fresh.check(new HttpExchange("GET", "/api/v1/tokens", Map.of(), null, 401, PROBLEM, PROBLEM_401));

        assertThat(fresh.validated()).isEqualTo(2);
        assertThat(fresh.summary())
                .contains("2 exchanges validated", "1 of ")
                .contains("GET /api/v1/tokens", "DELETE /api/v1/webhooks/{id}")
                .doesNotContain("GET /api/v1/webhooks/{id},", "GET /api/v1/webhooks/{id}]");
    }

    private static String webhook() {
        return """
                {"id": "WH1", "name": "n", "is_webhook_enabled": true, "is_legacy": false, "team": null, \
                "user": null, "data": null, "username": null, "password": null, "authorization_header": null, \
                "trigger_template": null, "headers": null, "url": "https://example.com/hook", "forward_all": false, \
                "http_method": "POST", "trigger_type": null, "integration_filter": null, "last_response_log": null, \
                "urls": [], "event_types": ["*"], "filter": null, "description": null, \
                "failure_notification_email": null, "signing_secret": "whsec_abc", "signature_scheme": "v1", \
                "signing_public_key": null, "max_retries": 3, \
                "timeout_ms": 10000, "rate_limit_per_second": null, "ordering": "none", "version": 1, \
                "created_at": "2026-11-28T10:00:00Z", "updated_at": "2026-11-28T10:00:00Z", "disabled_reason": null, \
                "payload_format": "cloudevent", "request_template": null, "template_engine": "jinja", \
                "publish_responses": false, "forwarding": "always", "unsubscribe_on": [], \
                "disable_after_failing": null}""";
    }
}
