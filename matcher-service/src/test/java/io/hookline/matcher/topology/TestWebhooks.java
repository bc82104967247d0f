package io.hookline.matcher.topology;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.webhook.Ordering;
import io.hookline.contracts.webhook.WebhookConfig;
import java.io.UncheckedIOException;
import java.util.List;

/** A fluent way to write the webhooks of a test; defaults: enabled, tenant acme, POST, every event type. */
final class TestWebhooks {

    private String id;
    private String tenant = "acme";
    private long version = 1;
    private boolean enabled = true;
    private String team;
    private String url = "https://example.com/hook";
    private List<String> urls = List.of();
    private String method = "POST";
    private String triggerType;
    private List<String> eventTypes = List.of("*");
    private List<String> integrationFilter;
    private JsonNode filter;
    private String triggerTemplate;
    private String data;
    private boolean forwardAll;
    private JsonNode headers;
    private Ordering ordering = Ordering.NONE;
    private String forwarding;
    private List<String> unsubscribeOn = List.of();

    private TestWebhooks(String id) {
        this.id = id;
    }

    static TestWebhooks webhook(String id) {
        return new TestWebhooks(id);
    }

    TestWebhooks tenant(String value) { tenant = value; return this; }
    TestWebhooks version(long value) { version = value; return this; }
    TestWebhooks enabled(boolean value) { enabled = value; return this; }
    TestWebhooks team(String value) { team = value; return this; }
    TestWebhooks url(String value) { url = value; return this; }
    TestWebhooks urls(String... values) { urls = List.of(values); return this; }
    TestWebhooks method(String value) { method = value; return this; }
    TestWebhooks triggerType(String value) { triggerType = value; eventTypes = List.of(); return this; }
    TestWebhooks eventTypes(String... values) { eventTypes = List.of(values); return this; }
    TestWebhooks integrationFilter(String... values) { integrationFilter = List.of(values); return this; }
    TestWebhooks filter(String json) { filter = json(json); return this; }
    TestWebhooks triggerTemplate(String value) { triggerTemplate = value; return this; }
    TestWebhooks data(String value) { data = value; return this; }
    TestWebhooks forwardAll(boolean value) { forwardAll = value; return this; }
    TestWebhooks headers(String json) { headers = json(json); return this; }
    TestWebhooks ordering(Ordering value) { ordering = value; return this; }
    TestWebhooks forwarding(String value) { forwarding = value; return this; }
    TestWebhooks unsubscribeOn(String... values) { unsubscribeOn = List.of(values); return this; }

    WebhookConfig build() {
        WebhookConfig config = new WebhookConfig(id, tenant, version, "hook " + id, enabled, team, url, urls, method, triggerType,
                eventTypes, integrationFilter, filter, triggerTemplate, data, forwardAll, headers, null, null, null,
                null, null, List.of(), 3, 10_000, null, ordering, null, null, null);
        if (forwarding == null && unsubscribeOn.isEmpty()) {
            return config;
        }
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(config);
        if (forwarding != null) {
            node.put("forwarding", forwarding);
        }
        node.set("unsubscribe_on", Json.MAPPER.valueToTree(unsubscribeOn));
        return Json.MAPPER.convertValue(node, WebhookConfig.class);
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
