package io.hookline.config.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.config.support.ApiClient;
import io.hookline.config.support.ConfigServiceInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every validation rule answers 400 problem+json naming the field and what is wrong with it. */
class WebhookValidationTest {

    private static ConfigServiceInstance service;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        service = ConfigServiceInstance.start("validation");
        api = service.admin();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing name                | {"url": "https://example.com"}                                    | name               | is required
            blank name                  | {"name": " ", "url": "https://example.com"}                       | name               | must not be blank
            missing url                 | {"name": "x"}                                                     | url                | is required
            ftp url                     | {"name": "x", "url": "ftp://example.com"}                         | url                | http or https
            relative url                | {"name": "x", "url": "/hook"}                                     | url                | http or https
            url without host            | {"name": "x", "url": "http://"}                                   | url                | URL
            bad url in urls             | {"name": "x", "url": "https://a.io", "urls": ["nope"]}            | urls[0]            | http or https
            unknown field               | {"name": "x", "url": "https://a.io", "colour": "red"}             | colour             | unknown field
            wrong type                  | {"name": 5, "url": "https://a.io"}                                | name               | must be a string, not a number
            bad method                  | {"name": "x", "url": "https://a.io", "http_method": "FETCH"}      | http_method        | must be one of
            bad trigger type            | {"name": "x", "url": "https://a.io", "trigger_type": "explode"}   | trigger_type       | unknown trigger type
            bad event pattern           | {"name": "x", "url": "https://a.io", "event_types": ["a*.b"]}     | event_types[0]     | may only end with *
            retries over 8              | {"name": "x", "url": "https://a.io", "max_retries": 9}            | max_retries        | between 0 and 8
            negative retries            | {"name": "x", "url": "https://a.io", "max_retries": -1}           | max_retries        | between 0 and 8
            fractional retries          | {"name": "x", "url": "https://a.io", "max_retries": 1.5}          | max_retries        | whole number
            timeout over 30 s           | {"name": "x", "url": "https://a.io", "timeout_ms": 30001}         | timeout_ms         | between 1 and 30000
            zero rate limit             | {"name": "x", "url": "https://a.io", "rate_limit_per_second": 0}  | rate_limit_per_second | between 1
            bad ordering                | {"name": "x", "url": "https://a.io", "ordering": "fifo"}          | ordering           | must be one of
            null enabled                | {"name": "x", "url": "https://a.io", "is_webhook_enabled": null}  | is_webhook_enabled | must not be null
            string enabled              | {"name": "x", "url": "https://a.io", "is_webhook_enabled": "yes"} | is_webhook_enabled | true or false
            header not a string         | {"name": "x", "url": "https://a.io", "headers": {"X-A": 1}}       | headers.X-A        | must be a string
            bad header name             | {"name": "x", "url": "https://a.io", "headers": {"X A": "1"}}     | headers.X A        | header name
            headers as a list           | {"name": "x", "url": "https://a.io", "headers": ["a"]}            | headers            | an object of strings
            bad email                   | {"name": "x", "url": "https://a.io", "failure_notification_email": "nobody"} | failure_notification_email | email
            bad signing secret          | {"name": "x", "url": "https://a.io", "signing_secret": "secret"}  | signing_secret     | whsec_
            short signing secret        | {"name": "x", "url": "https://a.io", "signing_secret": "whsec_AAAA"} | signing_secret  | key bytes
            unknown filter operator     | {"name": "x", "url": "https://a.io", "filter": {"field": "type", "op": "like", "value": "a"}} | filter.op | unknown operator
            filter value of wrong type  | {"name": "x", "url": "https://a.io", "filter": {"field": "type", "op": "in", "value": "a"}}   | filter.value | array
            filter group not a list     | {"name": "x", "url": "https://a.io", "filter": {"all": {"field": "type", "op": "eq", "value": "a"}}} | filter.all | array
            data is not a string        | {"name": "x", "url": "https://a.io", "data": {"a": 1}}            | data               | must be a string
            """)
    void shouldRejectWithAFieldError(String rule, String body, String field, String message) {
        var response = api.post("/api/v1/webhooks", body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(problem.get("errors").toString()).contains("\"field\":\"" + field + "\"").contains(message);
    }

    @Test
    void shouldLocateATemplateErrorByLineAndColumn() {
        var response = api.post("/api/v1/webhooks", """
                {"name": "bad template", "url": "https://a.io", "data": "{\\n  \\"a\\": {{ event.type }\\n}"}""");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("data");
        assertThat(error.get("message").asText()).contains("invalid template").containsPattern("line \\d+, column \\d+");
    }

    @Test
    void shouldCheckTheTriggerTemplateAndTemplatedHeaders() {
        var response = api.post("/api/v1/webhooks", """
                {"name": "bad templates", "url": "https://a.io", "trigger_template": "{% if %}",
                 "headers": "{% for %}"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").toString())
                .contains("\"field\":\"trigger_template\"", "\"field\":\"headers\"");
    }

    @Test
    void shouldCheckEveryHeaderValueOfTheObjectFormAsATemplateOnCreateAndUpdate() {
        // Given a header object whose second value is a broken template
        String headers = "{\"X-Ok\": \"{{ event.type }}\", \"X-Title\": \"{{ cloudevent.subject \"}";

        // When creating a webhook with it, and patching a good webhook to it
        var created = api.post("/api/v1/webhooks",
                "{\"name\": \"bad header\", \"url\": \"https://a.io\", \"headers\": " + headers + "}");
        String id = api.createWebhook("{\"name\": \"good header\", \"url\": \"https://a.io\"}");
        var patched = api.patch("/api/v1/webhooks/" + id, "{\"headers\": " + headers + "}");
        var put = api.put("/api/v1/webhooks/" + id, "{\"headers\": " + headers + "}");

        // Then each is a 400 naming that header, with line and column
        for (var response : java.util.List.of(created, patched, put)) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            JsonNode errors = response.json().get("errors");
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).get("field").asText()).isEqualTo("headers.X-Title");
            assertThat(errors.get(0).get("message").asText()).contains("invalid template")
                    .containsPattern("line \\d+, column \\d+");
        }
        assertThat(api.get("/api/v1/webhooks/" + id).json().get("headers").isNull()).isTrue();
    }

    @Test
    void shouldReportEveryInvalidFieldAtOnce() {
        var response = api.post("/api/v1/webhooks", """
                {"name": 1, "url": "ftp://x", "max_retries": 99, "what": true}""");

        assertThat(response.json().get("errors")).hasSize(4);
    }

    @Test
    void shouldRefuseADuplicateNameWithinTheTenant() {
        api.post("/api/v1/webhooks", "{\"name\": \"Unique\", \"url\": \"https://a.io\"}");

        var duplicate = api.post("/api/v1/webhooks", "{\"name\": \"unique\", \"url\": \"https://b.io\"}");
        String otherId = api.post("/api/v1/webhooks", "{\"name\": \"Other\", \"url\": \"https://a.io\"}")
                .json().get("id").asText();
        var renamed = api.patch("/api/v1/webhooks/" + otherId, "{\"name\": \"Unique\"}");

        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(renamed.status()).isEqualTo(400);
    }

    @Test
    void shouldRefuseClearingARequiredFieldOnUpdate() {
        String id = api.post("/api/v1/webhooks", "{\"name\": \"required\", \"url\": \"https://a.io\"}")
                .json().get("id").asText();

        var cleared = api.patch("/api/v1/webhooks/" + id, "{\"url\": null}");

        assertThat(cleared.status()).isEqualTo(400);
        assertThat(cleared.json().get("errors").get(0).get("field").asText()).isEqualTo("url");
    }
}
