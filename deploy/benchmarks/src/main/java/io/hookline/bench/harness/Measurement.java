package io.hookline.bench.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time and peak memory of each process over one scenario: CPU ticks are read at the start and at the end; each
 * process's peak RSS is reset at the start (where Linux allows it) and read at the end.
 */
final class Measurement {

    /** What one process used during the scenario. */
    record Usage(double cpuSeconds, long peakRssKib) {
    }

    private final Map<String, Long> pids;
    private final Map<String, Long> startTicks = new LinkedHashMap<>();
    private final boolean peaksReset;

    private Measurement(Map<String, Long> pids) {
        this.pids = pids;
        boolean reset = true;
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            reset &= ProcStats.resetPeak(process.getValue());
            startTicks.put(process.getKey(), ProcStats.cpuTicks(process.getValue()));
        }
        this.peaksReset = reset;
    }

    static Measurement start(Map<String, Long> pids) {
        return new Measurement(pids);
    }

    /** Whether the peaks are this scenario's own (else since each process started). */
    boolean peaksReset() {
        return peaksReset;
    }

    Map<String, Usage> stop() {
        Map<String, Usage> usage = new LinkedHashMap<>();
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            long ticks = ProcStats.cpuTicks(process.getValue());
            long start = startTicks.get(process.getKey());
            usage.put(process.getKey(), new Usage(ticks < 0 || start < 0 ? Double.NaN
                    : ProcStats.cpuSeconds(ticks - start), ProcStats.peakRssKib(process.getValue())));
        }
        return usage;
    }
}
