package io.hookline.bench.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time and peak memory of each process over one scenario: CPU ticks are read at the start and at the end; each
 * process's peak RSS is reset at the start (where Linux allows it) and read at the end.
 */
final class Measurement {

    /** What one process used during the scenario. */
    record Usage(double cpuSeconds, double jitCpuSeconds, long peakRssKib) {
    }

    private final Map<String, Long> pids;
    private final Map<String, Long> startTicks = new LinkedHashMap<>();
    private final Map<String, Long> startJitTicks = new LinkedHashMap<>();
    private final boolean peaksReset;

    private Measurement(Map<String, Long> pids) {
        this.pids = pids;
        boolean reset = true;
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            reset &= ProcStats.resetPeak(process.getValue());
            startTicks.put(process.getKey(), ProcStats.cpuTicks(process.getValue()));
            startJitTicks.put(process.getKey(), ProcStats.jitTicks(process.getValue()));
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
            usage.put(process.getKey(), new Usage(
                    spent(startTicks.get(process.getKey()), ProcStats.cpuTicks(process.getValue())),
                    spent(startJitTicks.get(process.getKey()), ProcStats.jitTicks(process.getValue())),
                    ProcStats.peakRssKib(process.getValue())));
        }
        return usage;
    }

    private static double spent(long startTicks, long endTicks) {
        return endTicks < 0 || startTicks < 0 ? Double.NaN : ProcStats.cpuSeconds(endTicks - startTicks);
    }
}
