package io.hookline.testkit.fuzz;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How many requests a fuzz run sent, by category, by endpoint, and by status answered. */
public final class FuzzTally {

    private final Map<String, LongAdder> byCategory = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

    public void count(FuzzRequest request, RawHttp.Answer answer) {
        byCategory.computeIfAbsent(request.category(), key -> new LongAdder()).increment();
        byEndpoint.computeIfAbsent(request.endpoint().toString(), key -> new LongAdder()).increment();
        byStatus.computeIfAbsent(answer.status(), key -> new LongAdder()).increment();
    }

    public long total() {
        return byCategory.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> categories() {
        return sorted(byCategory);
    }

    public Map<String, Long> endpoints() {
        return sorted(byEndpoint);
    }

    /** A table for the test log: what was tried, how often, and what came back. */
    public String report(String service) {
        StringBuilder report = new StringBuilder("Fuzzed " + service + " with " + total() + " requests\n");
        report.append("  by category:\n");
        categories().forEach((name, count) -> report.append(String.format("    %-22s %6d%n", name, count)));
        report.append("  by endpoint:\n");
        endpoints().forEach((name, count) -> report.append(String.format("    %-50s %6d%n", name, count)));
        report.append("  by status: ").append(sorted(byStatus)).append('\n');
        return report.toString();
    }

    private static <K extends Comparable<K>> Map<K, Long> sorted(Map<K, LongAdder> counts) {
        Map<K, Long> sorted = new TreeMap<>();
        counts.forEach((key, count) -> sorted.put(key, count.sum()));
        return sorted;
    }
}
