package io.hookline.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The webhooks and events of the benchmark. Ten tenants {@code t00..t09}, each with
 * <ul>
 *   <li>10 webhooks with the standard payload (set A), all matching {@code bench.load}; webhook {@code j} also matches
 *       {@code bench.solo.j}, so a latency event goes to exactly one endpoint;</li>
 *   <li>20 webhooks on {@code bench.slow} (set D, 200 endpoints in all) for the real-world scenarios;</li>
 *   <li>tenant {@code t00} also has the one {@code bench.burst} webhook;</li>
 * </ul>
 * and ten tenants {@code s00..s09} with 10 webhooks each whose body is a Slack-sized Jinja template (set B), matching
 * {@code bench.load}. One {@code bench.load} event therefore makes 10 deliveries, one {@code bench.slow} event 20.
 * Every other webhook of a set points at the "common server" receiver, the rest at the keep-alive one.
 */
final class Workload {

    static final int TENANTS = 10;
    static final int PER_TENANT = 10;
    static final int SLOW_PER_TENANT = 20;
    static final String LOAD = "bench.load";
    static final String SLOW = "bench.slow";
    static final String BURST = "bench.burst";
    static final String SOLO = "bench.solo.";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A Slack incoming-webhook message in Block Kit (header, fields, labels, alert list, a button), about 1.5 KB
     * rendered: what most body templates of an incident tool look like. The producer's stamp rides in Slack's
     * {@code metadata.event_payload}, so latency is measured the same way for both payloads.
     */
    static final String SLACK_TEMPLATE = """
            {"text": "[{{ incident.priority }}] {{ incident.title }}",
             "blocks": [
              {"type": "header", "text": {"type": "plain_text", "text": "{{ incident.priority }} {{ incident.title | truncate(140) }}"}},
              {"type": "section", "fields": [
                {"type": "mrkdwn", "text": "*Service:*\\n{{ service.name }}"},
                {"type": "mrkdwn", "text": "*Status:*\\n{{ incident.status | upper }}"},
                {"type": "mrkdwn", "text": "*Team:*\\n{{ team.name }}"},
                {"type": "mrkdwn", "text": "*Event:*\\n{{ cloudevent.type }} ({{ cloudevent.source }})"}]},
              {"type": "section", "text": {"type": "mrkdwn", "text": "*Labels:* alertname={{ alert_payload.commonLabels.alertname }}, job={{ alert_payload.commonLabels.job }}, severity={{ alert_payload.commonLabels.severity | upper }}"}},
              {"type": "section", "text": {"type": "mrkdwn", "text": "*Firing:* {% for a in alert_payload.alerts %}{{ a.labels.instance }} ({{ a.labels.severity }}){% if not loop.last %}, {% endif %}{% endfor %}"}},
              {"type": "context", "elements": [{"type": "mrkdwn", "text": "{{ tags.env }} / {{ tags.region }} | subject {{ cloudevent.subject }} | at {{ cloudevent.time }}"}]},
              {"type": "actions", "elements": [
                {"type": "button", "text": {"type": "plain_text", "text": "Acknowledge"}, "style": "primary", "url": "https://oncall.example.com/incidents/{{ incident.id }}/ack"},
                {"type": "button", "text": {"type": "plain_text", "text": "Open"}, "url": "https://oncall.example.com/incidents/{{ incident.id }}"}]}
             ],
             "metadata": {"event_type": "hookline_benchmark", "event_payload": {"incident_id": "{{ incident.id }}", "sent_ns": {{ sent_ns }}}}}""";

    /** One webhook made through the REST API. */
    record Hook(String set, String tenant, int index, String path, String url, String id) {
    }

    private Workload() {
    }

    static String tenant(int i) {
        return "t%02d".formatted(i);
    }

    static String templateTenant(int i) {
        return "s%02d".formatted(i);
    }

    static String path(String set, String tenant, int index) {
        return "/%s/%s/w%02d".formatted(set, tenant, index);
    }

    /** The REST body of a webhook. */
    static ObjectNode webhook(String name, String url, List<String> eventTypes, String dataTemplate) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("url", url);
        var types = body.putArray("event_types");
        eventTypes.forEach(types::add);
        if (dataTemplate != null) {
            body.put("data", dataTemplate);
        }
        return body;
    }

    /**
     * A structured CloudEvent: an incident as an alerting tool sends it (about 800 bytes), with the producer's
     * {@link System#nanoTime} stamp in {@code data.sent_ns} (0: not measured).
     */
    static String event(String id, String tenant, String type, long n, long sentNanos) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/bench/alerts\",\"type\":\"" + type
                + "\",\"subject\":\"INC-" + n + "\",\"tenant\":\"" + tenant + "\",\"time\":\"" + Instant.now()
                + "\",\"datacontenttype\":\"application/json\",\"data\":{"
                + "\"incident\":{\"id\":\"INC-" + n + "\",\"title\":\"Checkout latency p99 above 2s on payments-api\","
                + "\"priority\":\"P1\",\"status\":\"triggered\",\"url\":\"https://oncall.example.com/incidents/INC-" + n
                + "\"},\"service\":{\"id\":\"svc-" + (n % 50) + "\",\"name\":\"payments-api\"},"
                + "\"team\":{\"id\":\"team-1\",\"name\":\"SRE\"},\"tags\":{\"env\":\"prod\",\"region\":\"eu-west-1\"},"
                + "\"alert_payload\":{\"status\":\"firing\",\"commonLabels\":{\"alertname\":\"HighLatency\","
                + "\"job\":\"payments-api\",\"severity\":\"critical\"},\"alerts\":["
                + "{\"status\":\"firing\",\"labels\":{\"instance\":\"pay-1:9100\",\"severity\":\"critical\"}},"
                + "{\"status\":\"firing\",\"labels\":{\"instance\":\"pay-2:9100\",\"severity\":\"critical\"}}]},"
                + "\"sent_ns\":" + sentNanos + "}}";
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
