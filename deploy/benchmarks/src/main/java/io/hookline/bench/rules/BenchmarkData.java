package io.hookline.bench.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.event.DomainEvent;
import io.hookline.contracts.event.DomainEventParser;
import io.hookline.contracts.event.InvalidEventException;
import io.hookline.contracts.json.Json;
import io.hookline.contracts.webhook.Ordering;
import io.hookline.contracts.webhook.WebhookConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The event and the webhooks the rule benchmarks run on. */
final class BenchmarkData {

    /** An OnCall-style alert group event, the shape OnCall's documented templates expect. */
    static final String EVENT = """
            {"specversion":"1.0","id":"evt-1","source":"/oncall","type":"incident.triggered","tenant":"acme",
             "subject":"INC-123","time":"2026-11-22T10:00:00Z",
             "data":{"incident":{"id":"INC-123","title":"DB down","priority":"P1","status":"triggered"},
                     "service":{"id":"svc-9","name":"payments"},"team":{"id":"team-1","name":"SRE"},
                     "tags":{"env":"prod","region":"eu-west-1"},"integration":{"id":"CRV8A5MXC751A"},
                     "alert_payload":{"status":"firing","numFiring":2,
                        "commonLabels":{"job":"node","severity":"critical","alertname":"InstanceDown"},
                        "alerts":[{"status":"firing","labels":{"instance":"localhost:8081","severity":"critical"}},
                                  {"status":"firing","labels":{"instance":"localhost:8082","severity":"critical"}}]}}}""";

    /** OnCall's documented body template, plus a loop: what a typical custom payload looks like. */
    static final String JINJA_TEMPLATE = """
            {"labels": {{ alert_payload.commonLabels | tojson() }}, "title": "{{ incident.title }}",
             "instances": [{% for a in alert_payload.alerts %}"{{ a.labels.instance }}"{% if not loop.last %},{% endif %}{% endfor %}],
             "service": "{{ service.name | upper }}", "type": "{{ event.type }}"}""";

    /** The same payload in Pebble's dialect (its loop variable and a tojson filter registered by the benchmark). */
    static final String PEBBLE_TEMPLATE = """
            {"labels": {{ alert_payload.commonLabels | tojson }}, "title": "{{ incident.title }}",
             "instances": [{% for a in alert_payload.alerts %}"{{ a.labels.instance }}"{% if not loop.last %},{% endif %}{% endfor %}],
             "service": "{{ service.name | upper }}", "type": "{{ event.type }}"}""";

    private BenchmarkData() {
    }

    static DomainEvent event() {
        try {
            return new DomainEventParser().fromJson(Json.MAPPER.readTree(EVENT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidEventException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Webhook {@code i} of one tenant. A realistic mix: a third on the event's exact type, a third on a pattern that
     * matches it, a third on other types; each with a two-condition filter, {@code triggerTemplatePercent} of them with a
     * trigger template.
     */
    static WebhookConfig webhook(int i, int triggerTemplatePercent) {
        List<String> types = switch (i % 3) {
            case 0 -> List.of("incident.triggered");
            case 1 -> List.of("incident.*");
            default -> List.of("incident.resolved", "postmortem.created");
        };
        JsonNode filter = json("""
                {"all": [{"field": "data.service.name", "op": "eq", "value": "%s"},
                         {"field": "data.incident.priority", "op": "in", "value": ["P1", "P2"]}]}"""
                .formatted(i % 2 == 0 ? "payments" : "billing"));
        String trigger = i % 100 < triggerTemplatePercent ? "{{ tags.env == 'prod' }}" : null;
        return new WebhookConfig("wh-" + i, "acme", 1, "hook " + i, true, null, "https://example.com/" + i,
                List.of(), "POST", null, types, null, filter, trigger, null, false, null, null, null, null, null,
                null, List.of(), 3, 10_000, null, Ordering.NONE, null, null, null);
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
