package io.hookline.matcher.topology;

/** Domain events of the tests, as JSON text. */
final class TestEvents {

    /** CONTRACT.md section 4's example: incident.triggered for tenant acme. */
    static final String INCIDENT = event("evt-7f3a", "incident.triggered", "acme", """
            {"incident":{"id":"INC-123","title":"DB down","priority":"P1","status":"triggered","severity":3},
             "service":{"id":"svc-9","name":"payments"},"alert_source":{"name":"Prometheus"},
             "team":{"id":"team-1","name":"SRE"},"tags":{"env":"prod"},
             "alerts":[{"status":"firing","value":12.5},{"status":"resolved","value":3}],
             "integration":{"id":"CRV8A5MXC751A"},"created_at":"2026-11-22T10:00:00Z"}""");

    private TestEvents() {
    }

    static String event(String id, String type, String tenant, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/incidents","type":"%s","time":"2026-11-22T10:00:00Z",
                 "subject":"INC-123","tenant":"%s","data":%s}""".formatted(id, type, tenant, data);
    }

    static String ofType(String type) {
        return event("evt-" + type, type, "acme", "{\"team\":{\"id\":\"team-1\",\"name\":\"SRE\"}}");
    }

    static String withData(String data) {
        return event("evt-data", "incident.triggered", "acme", data);
    }
}
