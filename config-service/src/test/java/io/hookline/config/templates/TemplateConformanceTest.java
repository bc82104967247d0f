package io.hookline.config.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.config.catalogue.EventType;
import io.hookline.config.catalogue.EventTypeCatalogue;
import io.hookline.contracts.json.Json;
import io.hookline.rules.template.TemplateContext;
import io.hookline.rules.template.TemplateEngine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in template rendered for every sample of the event-type catalogue, and for the same samples with a
 * very long, quote- and newline-laden title and with an empty data object, checked against the request format its
 * service documents: required fields, types, enumerations and length limits.
 */
class TemplateConformanceTest {

    private static final TemplateLibrary LIBRARY = new TemplateLibrary();
    private static final TemplateEngine ENGINE = new TemplateEngine();
    private static final String LONG = ("A \"quoted\" <title> & more\nover lines é 🚨 ").repeat(500);

    private static final Map<String, Consumer<JsonNode>> FORMATS = Map.of(
            "slack", TemplateConformanceTest::slack,
            "msteams", TemplateConformanceTest::teams,
            "discord", TemplateConformanceTest::discord,
            "mattermost", TemplateConformanceTest::mattermost,
            "google_chat", TemplateConformanceTest::googleChat,
            "pagerduty", TemplateConformanceTest::pagerDuty,
            "opsgenie", TemplateConformanceTest::opsgenie,
            "jira", TemplateConformanceTest::jira,
            "generic", TemplateConformanceTest::generic);

    static Stream<Arguments> templatesAndEvents() {
        List<Arguments> cases = new ArrayList<>();
        for (WebhookTemplate template : LIBRARY.all()) {
            for (EventType type : new EventTypeCatalogue().all()) {
                ObjectNode sample = (ObjectNode) type.sample();
                cases.add(Arguments.of(template.id(), type.type() + " sample", sample));
                cases.add(Arguments.of(template.id(), type.type() + " with long titles", longTitles(sample)));
                cases.add(Arguments.of(template.id(), type.type() + " with empty data", emptyData(sample)));
            }
        }
        return cases.stream();
    }

    @Test
    void shouldShipTheTemplatesTheContractNames() {
        assertThat(LIBRARY.ids()).containsExactlyInAnyOrderElementsOf(FORMATS.keySet());
        assertThat(LIBRARY.all()).allSatisfy(template -> {
            assertThat(template.description()).isNotBlank();
            assertThat(template.data()).isNotBlank();
            for (WebhookTemplate.TemplateValue value : template.values()) {
                assertThat(template.data()).contains(value.marker());
                assertThat(value.example()).matches(value.pattern());
            }
        });
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("templatesAndEvents")
    void shouldRenderTheServicesDocumentedFormat(String id, String event, ObjectNode sample) throws Exception {
        WebhookTemplate template = LIBRARY.find(id).orElseThrow();

        String body = ENGINE.render(ENGINE.compile(template.dataWith(Map.of())), TemplateContext.forEvent(sample));

        JsonNode json = Json.MAPPER.readTree(body);
        assertThat(json.isObject()).as(body).isTrue();
        FORMATS.get(id).accept(json);
    }

    /** Slack: text required, at most 40,000 characters; a section or context text at most 3,000. */
    private static void slack(JsonNode body) {
        SoftAssertions soft = new SoftAssertions();
        text(soft, body, "text", 1, 40_000);
        soft.assertThat(body.get("blocks").size()).isBetween(1, 50);
        for (JsonNode block : body.get("blocks")) {
            soft.assertThat(block.get("type").asText()).isIn("section", "context");
            if (block.has("text")) {
                soft.assertThat(block.get("text").get("type").asText()).isEqualTo("mrkdwn");
                text(soft, block.get("text"), "text", 1, 3000);
            }
            for (JsonNode element : block.path("elements")) {
                text(soft, element, "text", 1, 3000);
            }
        }
        soft.assertAll();
    }

    /** Teams workflow: a message with one Adaptive Card attachment whose body has text blocks and facts. */
    private static void teams(JsonNode body) {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(body.get("type").asText()).isEqualTo("message");
        soft.assertThat(body.get("attachments").size()).isEqualTo(1);
        JsonNode attachment = body.get("attachments").get(0);
        soft.assertThat(attachment.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.get("content");
        soft.assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
        soft.assertThat(card.get("version").asText()).matches("1\\.[0-5]");
        soft.assertThat(card.get("$schema").asText()).startsWith("http://adaptivecards.io/schemas/");
        soft.assertThat(card.get("body").isArray() && !card.get("body").isEmpty()).isTrue();
        for (JsonNode element : card.get("body")) {
            soft.assertThat(element.get("type").asText()).isIn("TextBlock", "FactSet");
            if (element.has("facts")) {
                for (JsonNode fact : element.get("facts")) {
                    text(soft, fact, "title", 1, 1000);
                    text(soft, fact, "value", 1, 1001);
                }
            } else {
                text(soft, element, "text", 1, 1001);
            }
        }
        for (JsonNode action : card.path("actions")) {
            soft.assertThat(action.get("type").asText()).isEqualTo("Action.OpenUrl");
            soft.assertThat(action.get("url").asText()).startsWith("http");
        }
        // Teams refuses a workflow message over 28 KB.
        soft.assertThat(Json.toString(body).getBytes(StandardCharsets.UTF_8).length).isLessThan(28 * 1024);
        soft.assertAll();
    }

    /** Discord: content at most 2,000; at most 10 embeds, title 256, description 4,096, 25 fields, 6,000 in all. */
    private static void discord(JsonNode body) {
        SoftAssertions soft = new SoftAssertions();
        text(soft, body, "content", 1, 2000);
        text(soft, body, "username", 1, 80);
        soft.assertThat(body.get("embeds").size()).isBetween(1, 10);
        for (JsonNode embed : body.get("embeds")) {
            int total = text(soft, embed, "title", 1, 256) + text(soft, embed, "description", 1, 4096);
            soft.assertThat(embed.get("color").isInt()).isTrue();
            soft.assertThat(embed.get("color").asInt()).isBetween(0, 0xFFFFFF);
            soft.assertThat(embed.get("fields").size()).isLessThanOrEqualTo(25);
            for (JsonNode field : embed.get("fields")) {
                total += text(soft, field, "name", 1, 256) + text(soft, field, "value", 1, 1024);
                soft.assertThat(field.get("inline").isBoolean()).isTrue();
            }
            if (embed.has("url")) {
                soft.assertThat(embed.get("url").asText()).startsWith("http");
            }
            if (embed.has("timestamp")) {
                soft.assertThat(embed.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
            }
            soft.assertThat(total).isLessThanOrEqualTo(6000);
        }
        soft.assertAll();
    }

    /** Mattermost: text required, a post is at most 16,383 characters. */
    private static void mattermost(JsonNode body) {
        SoftAssertions soft = new SoftAssertions();
        text(soft, body, "text", 1, 16_383);
        soft.assertAll();
    }

    /** Google Chat: a text message at most 4,096 characters. */
    private static void googleChat(JsonNode body) {
        SoftAssertions soft = new SoftAssertions();
        text(soft, body, "text", 1, 4096);
        soft.assertAll();
    }

    /**
     * PagerDuty Events API v2: routing_key, event_action trigger|acknowledge|resolve, dedup_key at most 255; a trigger
     * needs payload.summary (at most 1,024), payload.source and payload.severity critical|error|warning|info.
     */
    private static void pagerDuty(JsonNode body) {
        SoftAssertions soft = new SoftAssertions();
        text(soft, body, "routing_key", 32, 32);
        soft.assertThat(body.get("event_action").asText()).isIn("trigger", "acknowledge", "resolve");
        text(soft, body, "dedup_key", 1, 255);
        if (body.get("event_action").asText().equals("trigger")) {
            JsonNode payload = body.get("payload");
            text(soft, payload, "summary", 1, 1024);
            text(soft, payload, "source", 1, 1024);
            soft.assertThat(payload.get("severity").asText()).isIn("critical", "error", "warning", "info");
            if (payload.has("timestamp")) {
                soft.assertThat(payload.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
            }
            soft.assertThat(payload.path("custom_details").isObject()).isTrue();
        } else {
            soft.assertThat(body.has("payload")).isFalse();
        }
        for (JsonNode link : body.path("links")) {
            soft.assertThat(link.get("href").asText()).startsWith("http");
        }
        soft.assertAll();
    }

    /**
     * Opsgenie create alert: message required, at most 130; alias 512; description 15,000; source 100; tags at most 20
     * of 50; details values strings; priority P1..P5.
     */
    private static void opsgenie(JsonNode body) {
        SoftAssertions soft = new SoftAssertions();
        text(soft, body, "message", 1, 130);
        text(soft, body, "alias", 1, 512);
        text(soft, body, "description", 1, 15_000);
        text(soft, body, "source", 1, 100);
        soft.assertThat(body.get("tags").size()).isLessThanOrEqualTo(20);
        for (JsonNode tag : body.get("tags")) {
            soft.assertThat(tag.isTextual() && tag.asText().length() <= 50).as("tag %s", tag).isTrue();
        }
        body.get("details").fields().forEachRemaining(detail ->
                soft.assertThat(detail.getValue().isTextual()).as("details.%s", detail.getKey()).isTrue());
        soft.assertThat(body.get("priority").asText()).isIn("P1", "P2", "P3", "P4", "P5");
        soft.assertAll();
    }

    /** Jira create issue (REST v2): project key, issue type, a one-line summary at most 255, a text description. */
    private static void jira(JsonNode body) {
        SoftAssertions soft = new SoftAssertions();
        JsonNode fields = body.get("fields");
        soft.assertThat(fields.get("project").get("key").asText()).isEqualTo("OPS");
        soft.assertThat(fields.get("issuetype").get("name").asText()).isEqualTo("Task");
        int summary = text(soft, fields, "summary", 1, 255);
        soft.assertThat(fields.get("summary").asText()).doesNotContain("\n", "\r");
        soft.assertThat(summary).isPositive();
        text(soft, fields, "description", 1, 32_767);
        for (JsonNode label : fields.get("labels")) {
            soft.assertThat(label.asText()).doesNotContain(" ");
        }
        soft.assertAll();
    }

    /** Generic: the event's identity and a title, with the data attached. */
    private static void generic(JsonNode body) {
        SoftAssertions soft = new SoftAssertions();
        for (String field : List.of("event_type", "event_id", "source", "tenant", "title", "where")) {
            text(soft, body, field, 1, Integer.MAX_VALUE);
        }
        soft.assertThat(body.get("data").isObject()).isTrue();
        soft.assertThat(body.has("link") && body.has("status") && body.has("subject") && body.has("time")).isTrue();
        soft.assertAll();
    }

    /** Checks that {@code field} is a string of {@code min} to {@code max} code points; returns its length. */
    private static int text(SoftAssertions soft, JsonNode object, String field, int min, int max) {
        JsonNode value = object.get(field);
        soft.assertThat(value != null && value.isTextual()).as("%s is a string in %s", field, object).isTrue();
        if (value == null || !value.isTextual()) {
            return 0;
        }
        int length = value.asText().codePointCount(0, value.asText().length());
        soft.assertThat(length).as("length of %s", field).isBetween(min, max);
        return length;
    }

    private static ObjectNode longTitles(ObjectNode sample) {
        ObjectNode copy = sample.deepCopy();
        copy.put("subject", LONG.substring(0, 2000));
        copy.get("data").forEach(value -> {
            if (value.isObject()) {
                for (String name : Set.of("title", "name", "dataset", "status", "url")) {
                    if (value.has(name)) {
                        ((ObjectNode) value).put(name,
                                name.equals("url") ? "https://x.example/" + LONG.length() : LONG);
                    }
                }
            }
        });
        return copy;
    }

    private static ObjectNode emptyData(ObjectNode sample) {
        ObjectNode copy = sample.deepCopy();
        copy.set("data", Json.MAPPER.createObjectNode());
        copy.remove("subject");
        copy.remove("time");
        return copy;
    }
}
