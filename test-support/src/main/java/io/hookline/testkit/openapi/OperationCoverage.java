package io.hookline.testkit.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which documented operations the tests saw succeed, so that a document can tell how much of it real exchanges
 * back: an operation no test exercised with a 2xx is documented on trust alone.
 */
final class OperationCoverage {

    private final Map<String, Pattern> templates = new ConcurrentHashMap<>();
    private final Set<String> operations = new TreeSet<>();
    private final Set<String> succeeded = ConcurrentHashMap.newKeySet();

    OperationCoverage(OpenAPI api) {
        api.getPaths().forEach((template, item) -> {
            templates.put(template, Pattern.compile(template.replaceAll("\\{[^/]+}", "[^/]+")));
            item.readOperationsMap().keySet().forEach(method -> operations.add(method + " " + template));
        });
    }

    void record(String method, String path, int status) {
        if (status < 200 || status >= 300) {
            return;
        }
        templates.entrySet().stream()
                .filter(entry -> entry.getValue().matcher(path).matches())
                .map(Map.Entry::getKey)
                // A literal segment wins over a parameter, as in /webhooks/preview against /webhooks/{id}.
                .min((a, b) -> Long.compare(a.chars().filter(c -> c == '{').count(),
                        b.chars().filter(c -> c == '{').count()))
                .ifPresent(template -> succeeded.add(method + " " + template));
    }

    /** Documented operations that no exchange so far saw succeed. */
    List<String> unexercised() {
        List<String> missing = new ArrayList<>();
        for (String operation : operations) {
            if (!succeeded.contains(operation)) {
                missing.add(operation);
            }
        }
        return missing;
    }

    int operationCount() {
        return operations.size();
    }
}
