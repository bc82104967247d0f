package io.hookline.bench.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The harness's command line and the sizes of each scenario, full or {@code --quick}.
 *
 * @param warmUpEvents         {@code bench.load} events sent through sets A and B each before anything is measured
 * @param throughputDeliveries deliveries of scenarios 1, 3 and each run of 4 (and the jobs scenario 2 may work on)
 * @param naiveJobs            at most this many jobs for the naive baseline, which also stops after {@code naiveCap}
 * @param serviceJvmOptions    the JVM options of each service process
 */
record Settings(
        boolean quick,
        Path home,
        Path results,
        Set<String> only,
        boolean keepData,
        String serviceJvmOptions,
        int warmUpEvents,
        int throughputDeliveries,
        int naiveJobs,
        Duration naiveCap,
        int burstJobs,
        int latencyRate,
        Duration latencyDuration,
        int realWorldDeliveries,
        Duration scenarioCap,
        Duration settleCap) {

    static final List<String> SCENARIOS = List.of("1", "2", "3", "4a", "4b", "5", "6", "7", "8");

    /**
     * The image runs {@code java -jar} with {@code -XX:MaxRAMPercentage=75} in a container whose memory the Helm chart
     * bounds; here there is no container, so the heap bound every service must live within (512 MiB) is given as
     * {@code -Xmx512m}, with the JVM's default GC and JIT, as in production.
     */
    static final String PRODUCTION_JVM_OPTIONS = "-Xmx512m";

    static final String USAGE = """
            Usage: java -jar deploy/benchmarks/target/benchmarks.jar [--quick] [--only 1,4a,6] [--keep-data]
                        [--home DIR] [--results DIR] [--service-jvm-options "-Xmx512m ..."]
              --quick       reduced counts (20,000 deliveries in 1/3/4, 5,000 in 5, 10 s in 6, 2,000 in 7/8)
              --only        run only these scenarios (1 2 3 4a 4b 5 6 7 8), comma-separated
              --keep-data   keep the temporary data dir (broker data and service logs) after the run
              --home        the repository root (default: found from the jar's location, else the working dir)
              --results     where to write the reports (default: <home>/deploy/benchmarks/results)
            """;

    static Settings parse(String[] args) {
        boolean quick = false;
        boolean keepData = false;
        Path home = null;
        Path results = null;
        Set<String> only = new LinkedHashSet<>(SCENARIOS);
        String jvmOptions = PRODUCTION_JVM_OPTIONS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--keep-data" -> keepData = true;
                case "--home" -> home = Path.of(value(args, ++i, "--home"));
                case "--results" -> results = Path.of(value(args, ++i, "--results"));
                case "--service-jvm-options" -> jvmOptions = value(args, ++i, "--service-jvm-options");
                case "--only" -> {
                    only = new LinkedHashSet<>(List.of(value(args, ++i, "--only").split(",")));
                    only.removeIf(String::isBlank);
                    if (!SCENARIOS.containsAll(only)) {
                        throw new IllegalArgumentException("--only takes some of " + SCENARIOS + ", not " + only);
                    }
                }
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("Unknown argument " + args[i] + "\n" + USAGE);
            }
        }
        home = (home == null ? findHome() : home).toAbsolutePath().normalize();
        results = results == null ? home.resolve("deploy/benchmarks/results") : results.toAbsolutePath();
        return quick
                ? new Settings(true, home, results, only, keepData, jvmOptions, 200, 20_000, 20_000, Duration.ofSeconds(10),
                        5_000, 1_000, Duration.ofSeconds(10), 2_000, Duration.ofSeconds(90), Duration.ofSeconds(10))
                : new Settings(false, home, results, only, keepData, jvmOptions, 5_000, 200_000, 50_000,
                        Duration.ofSeconds(60), 50_000, 1_000, Duration.ofSeconds(60), 40_000, Duration.ofMinutes(10),
                        Duration.ofSeconds(60));
    }

    boolean runs(String scenario) {
        return only.contains(scenario);
    }

    String describe() {
        return (quick ? "quick" : "full") + ": warm-up " + String.format("%,d", warmUpEvents * 2 * 10)
                + " deliveries, " + String.format("%,d", throughputDeliveries)
                + " deliveries in 1/3/4a/4b, naive at most " + String.format("%,d", naiveJobs) + " jobs or "
                + naiveCap.toSeconds() + " s, burst " + String.format("%,d", burstJobs) + ", latency " + latencyRate
                + " events/s for " + latencyDuration.toSeconds() + " s, real-world " + String.format("%,d",
                realWorldDeliveries) + " deliveries; scenarios " + String.join(" ", only);
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    /** The repository root: above the jar (deploy/benchmarks/target/benchmarks.jar), else the working dir. */
    private static Path findHome() {
        try {
            Path jar = Path.of(Settings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
                if (Files.exists(dir.resolve("run-local")) && Files.isDirectory(dir.resolve("deploy/local"))) {
                    return dir;
                }
            }
        } catch (Exception e) {
            // fall through
        }
        return Path.of(".");
    }
}
