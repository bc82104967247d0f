package io.hookline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The PromQL expressions operators run against Hookline: every target of the Grafana dashboard and every alert
 * rule, with the metric names each reads.
 */
final class MonitoringQueries {

    static final Path DASHBOARD = Path.of("..", "grafana", "hookline-dashboard.json");
    static final Path ALERTS = Path.of("..", "prometheus", "hookline-alerts.yml");
    /** Made by Prometheus itself for each target, not exported by a service. */
    static final Set<String> SYNTHETIC = Set.of("up");

    private MonitoringQueries() {
    }

    /** Each expression (named by its panel or alert) with the metric names it reads. */
    static Map<String, Set<String>> all() throws IOException {
        Map<String, Set<String>> expressions = new LinkedHashMap<>();
        for (JsonNode panel : new ObjectMapper().readTree(DASHBOARD.toFile()).get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.get("expr").asText();
                expressions.put("panel '" + panel.get("title").asText() + "': " + expr, PromQl.metricNames(expr));
            }
        }
        for (JsonNode group : new ObjectMapper(new YAMLFactory()).readTree(ALERTS.toFile()).get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                String expr = rule.get("expr").asText();
                expressions.put("alert " + rule.get("alert").asText() + ": " + expr, PromQl.metricNames(expr));
            }
        }
        return expressions;
    }

    static List<String> alertNames() throws IOException {
        List<String> names = new ArrayList<>();
        for (JsonNode group : new ObjectMapper(new YAMLFactory()).readTree(ALERTS.toFile()).get("groups")) {
            group.get("rules").forEach(rule -> names.add(rule.get("alert").asText()));
        }
        return names;
    }
}
