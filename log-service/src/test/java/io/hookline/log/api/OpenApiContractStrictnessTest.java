package io.hookline.log.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.service.openapi.OpenApiDocumentController;
import io.hookline.testkit.openapi.HttpExchange;
import io.hookline.testkit.openapi.OpenApiContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check on every log-service test exchange catches wrong field names, statuses and content types. */
class OpenApiContractStrictnessTest {

    /** Its own contract, so that these made-up exchanges count in no summary of real ones. */
    private static final OpenApiContract CONTRACT = OpenApiContract.fromClasspath(OpenApiDocumentController.RESOURCE);
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final String PATH = "/api/v1/webhooks/WH1/responses?outcome=failed&page_size=10";

    @Test
    void shouldAcceptAPageAsTheApiAnswersIt() {
        HttpExchange exchange = new HttpExchange("GET", PATH, Map.of(), null, 200, JSON, page(attempt()));

        assertThatCode(() -> CONTRACT.check(exchange)).doesNotThrowAnyException();
    }

    @Test
    void shouldCatchACamelCaseField() {
        String camelCase = page(attempt().replace("\"delivery_id\"", "\"deliveryId\""));
        HttpExchange exchange = new HttpExchange("GET", PATH, Map.of(), null, 200, JSON, camelCase);

        assertThatThrownBy(() -> CONTRACT.check(exchange)).hasMessageContaining("deliveryId");
    }

    @Test
    void shouldCatchAnOutcomeTheApiDoesNotHave() {
        String unknown = page(attempt().replace("\"failed\"", "\"FAILED\""));
        HttpExchange exchange = new HttpExchange("GET", PATH, Map.of(), null, 200, JSON, unknown);

        assertThatThrownBy(() -> CONTRACT.check(exchange)).hasMessageContaining("FAILED");
    }

    @Test
    void shouldCatchAStatusTheDocumentDoesNotName() {
        HttpExchange redeliveredWith200 = new HttpExchange("POST", "/api/v1/deliveries/d-1/redeliver", Map.of(), null,
                200, JSON, "{\"delivery_ids\": [\"d-2\"], \"skipped\": []}");

        assertThatThrownBy(() -> CONTRACT.check(redeliveredWith200))
                .hasMessageContaining("Response status 200 not defined");
    }

    @Test
    void shouldCatchAnInvalidQueryParameterOnAnAcceptedRequest() {
        HttpExchange exchange = new HttpExchange("GET", "/api/v1/webhooks/WH1/responses?outcome=lost", Map.of(), null,
                200, JSON, page(attempt()));

        assertThatThrownBy(() -> CONTRACT.check(exchange)).hasMessageContaining("lost");
    }

    private static String page(String item) {
        return "{\"next\": null, \"previous\": null, \"results\": [" + item + "], \"page_size\": 10, \"count\": 1, "
                + "\"current_page_number\": 1, \"total_pages\": 1}";
    }

    private static String attempt() {
        return """
                {"timestamp": "2026-11-28T10:00:00Z", "url": "https://example.com/hook", "request_trigger": "", \
                "request_headers": null, "request_data": "{}", "status_code": 500, "content": "oops", \
                "event_data": "{}", "delivery_id": "d-1", "webhook_id": "WH1", "event_id": "e-1", \
                "event_type": "incident.triggered", "attempt": 4, "outcome": "failed", "duration_ms": 12, \
                "error": null, "error_class": null, "http_method": "POST", "request_data_truncated": false, \
                "content_truncated": false, "next_attempt_at": null, "redelivery_of": null, \
                "traceparent": null, "tracestate": null}""";
    }
}
