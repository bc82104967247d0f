package io.hookline.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux tells about one process: CPU time (user + system, from {@code /proc/<pid>/stat}) and resident memory
 * (from {@code /proc/<pid>/status}). CPU time counts the work a process did whatever else the machine was doing, so
 * CPU per delivery stays comparable on a busy machine where wall-clock rates do not.
 */
final class ProcStats {

    /** Clock ticks per second of the stat file's times; 100 on every Linux this runs on, asked once anyway. */
    static final long TICKS_PER_SECOND = ticksPerSecond();

    private ProcStats() {
    }

    /** utime + stime in clock ticks; -1 when the process is gone. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.US_ASCII);
            // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15: utime, stime
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * utime + stime of the JIT compiler threads in clock ticks; -1 when the process is gone. Their work is the price of
     * warming up, not of each delivery, and shows how far from steady state a scenario ran.
     */
    static long jitTicks(long pid) {
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        try (var threads = Files.list(tasks)) {
            return threads.mapToLong(ProcStats::compilerThreadTicks).sum();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long compilerThreadTicks(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return 0;
            }
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended between listing and reading
        }
    }

    static double cpuSeconds(long ticks) {
        return (double) ticks / TICKS_PER_SECOND;
    }

    /** Peak resident set size in KiB (VmHWM) since the start or since {@link #resetPeak}; -1 when unknown. */
    static long peakRssKib(long pid) {
        return statusField(pid, "VmHWM:");
    }

    static long rssKib(long pid) {
        return statusField(pid, "VmRSS:");
    }

    /**
     * Resets the process's peak RSS to its current RSS (writing 5 to {@code /proc/<pid>/clear_refs}, Linux 4.0+), so
     * each scenario reports its own peak. Returns false where that is not allowed; the peak is then since the start.
     */
    static boolean resetPeak(long pid) {
        try {
            Files.writeString(Path.of("/proc", String.valueOf(pid), "clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The command line of a process, arguments joined by spaces; empty when unreadable. */
    static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static long statusField(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return -1;
    }

    private static long ticksPerSecond() {
        try {
            Process process = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            process.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
