package io.hookline.bench.harness;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The figures of one scenario.
 *
 * @param deliveries           distinct deliveries received ({@code webhook-id}); in scenario 8 only those of healthy
 *                             endpoints
 * @param seconds              from the scenario's start (first event or job produced, or the dispatcher let go) to
 *                             the last request received
 * @param secondsToQueryable   from the start until log-service answers with every attempt (scenario 4); null else
 * @param cpuSeconds           CPU time per process over the scenario, until the stack was quiet again
 * @param stackJitMicrosPerDelivery the JIT compiler threads' share of the stack's CPU per delivery
 * @param peakRssMib           peak resident memory per process during the scenario
 * @param complete             false when the scenario's time cap ended it before everything arrived
 */
record ScenarioResult(
        String id,
        String title,
        long expected,
        long deliveries,
        long requests,
        long duplicates,
        double seconds,
        double deliveriesPerSecond,
        Double secondsToQueryable,
        boolean complete,
        Map<String, Double> cpuSeconds,
        Map<String, Double> cpuMicrosPerDelivery,
        Double stackJitMicrosPerDelivery,
        Map<String, Long> peakRssMib,
        Latency latency,
        String note,
        @JsonIgnore Histogram histogram) {

    /** Producer stamp to request received, in milliseconds. */
    record Latency(long count, double p50, double p99, double p999, double max) {

        static Latency of(Histogram micros) {
            if (micros == null || micros.getTotalCount() == 0) {
                return null;
            }
            return new Latency(micros.getTotalCount(), micros.getValueAtPercentile(50) / 1000.0,
                    micros.getValueAtPercentile(99) / 1000.0, micros.getValueAtPercentile(99.9) / 1000.0,
                    micros.getMaxValue() / 1000.0);
        }
    }

    static ScenarioResult of(String id, String title, long expected, Tally tally, long deliveries, long startNanos,
                             Double secondsToQueryable, boolean complete, Map<String, Measurement.Usage> usage,
                             String note) {
        long end = tally.lastNanos();
        double seconds = end == 0 ? 0 : (end - startNanos) / 1e9;
        Map<String, Double> cpu = new LinkedHashMap<>();
        Map<String, Double> perDelivery = new LinkedHashMap<>();
        Map<String, Long> rss = new LinkedHashMap<>();
        double stack = 0;
        double stackJit = 0;
        for (Map.Entry<String, Measurement.Usage> process : usage.entrySet()) {
            double seconds1 = process.getValue().cpuSeconds();
            cpu.put(process.getKey(), round(seconds1, 2));
            perDelivery.put(process.getKey(), deliveries == 0 ? null : round(seconds1 * 1e6 / deliveries, 1));
            if (!process.getKey().equals("harness")) {
                stack += seconds1;
                stackJit += process.getValue().jitCpuSeconds();
                rss.put(process.getKey(), process.getValue().peakRssKib() / 1024);
            }
        }
        cpu.put("stack", round(stack, 2));
        perDelivery.put("stack", deliveries == 0 ? null : round(stack * 1e6 / deliveries, 1));
        Histogram histogram = tally.latency();
        return new ScenarioResult(id, title, expected, deliveries, tally.requests(), tally.duplicates(),
                round(seconds, 3), seconds <= 0 ? 0 : round(deliveries / seconds, 1),
                secondsToQueryable == null ? null : round(secondsToQueryable, 3), complete, cpu, perDelivery,
                deliveries == 0 ? null : round(stackJit * 1e6 / deliveries, 1), rss,
                Latency.of(histogram), note, histogram);
    }

    static double round(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
