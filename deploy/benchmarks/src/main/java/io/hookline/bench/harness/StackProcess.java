package io.hookline.bench.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The whole stack as {@code ./run-local} runs it: the local launcher's jar as a child process (the embedded broker
 * lives in it), which starts the four services as its own children. It gets a fresh data dir, free ports and the
 * services' JVM options through the environment variables the launcher reads, and is ready when it prints its
 * {@code READY} line. The broker's CPU is the launcher's; each service's pid is found among the launcher's children
 * by its jar's name.
 */
final class StackProcess implements AutoCloseable {

    static final List<String> SERVICES = List.of("config-service", "matcher-service", "dispatcher-service",
            "log-service");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Process launcher;
    private final Map<String, String> ready;
    private final Map<String, Long> servicePids;
    private final Path dataDir;
    private final String launcherCommand;

    private StackProcess(Process launcher, Map<String, String> ready, Map<String, Long> servicePids, Path dataDir,
                         String launcherCommand) {
        this.launcher = launcher;
        this.ready = ready;
        this.servicePids = servicePids;
        this.dataDir = dataDir;
        this.launcherCommand = launcherCommand;
    }

    static StackProcess start(Path home, Path dataDir, String serviceJvmOptions) throws IOException,
            InterruptedException {
        Path jar = home.resolve("deploy/local/target/local-launcher.jar");
        for (String service : SERVICES) {
            Path serviceJar = home.resolve(service).resolve("target").resolve(service + ".jar");
            if (!Files.exists(serviceJar)) {
                throw new IllegalStateException(serviceJar + " is missing; build first (see README, Performance)");
            }
        }
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; build first (see README, Performance)");
        }
        Files.createDirectories(dataDir.resolve("logs"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dhookline.home=" + home, "-jar", jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        // Nothing of a developer's own installation may leak in: every setting the launcher reads is set here.
        env.keySet().removeIf(name -> name.startsWith("HOOKLINE_"));
        env.put("HOOKLINE_DATA_DIR", dataDir.toString());
        env.put("HOOKLINE_LOG_DIR", dataDir.resolve("logs").toString());
        env.put("HOOKLINE_SERVICE_JVM_OPTIONS", serviceJvmOptions);
        List<String> portSettings = List.of("HOOKLINE_KAFKA_PORT", "HOOKLINE_KAFKA_CONTROLLER_PORT",
                "HOOKLINE_CONFIG_PORT", "HOOKLINE_MATCHER_PORT", "HOOKLINE_DISPATCHER_PORT", "HOOKLINE_LOG_PORT");
        List<Integer> ports = freePorts(portSettings.size());
        for (int i = 0; i < ports.size(); i++) {
            env.put(portSettings.get(i), String.valueOf(ports.get(i)));
        }
        Process launcher = builder.start();
        CompletableFuture<String> readyLine = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(launcher, dataDir.resolve("logs/launcher.log"), readyLine),
                "launcher-output");
        pump.setDaemon(true);
        pump.start();
        String line;
        try {
            line = readyLine.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            stop(launcher);
            throw new IllegalStateException("The stack did not print READY (see " + dataDir.resolve("logs") + ")",
                    e instanceof ExecutionException ? e.getCause() : e);
        }
        Map<String, String> fields = new HashMap<>();
        for (String part : line.substring("READY".length()).trim().split(" ")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                fields.put(part.substring(0, equals), part.substring(equals + 1));
            }
        }
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String service : SERVICES) {
            long pid = launcher.toHandle().children()
                    .filter(child -> ProcStats.commandLine(child.pid()).contains("/" + service + ".jar"))
                    .mapToLong(ProcessHandle::pid).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No process of " + service + " under the launcher"));
            pids.put(service, pid);
        }
        return new StackProcess(launcher, fields, pids, dataDir, String.join(" ", command));
    }

    private static void pump(Process launcher, Path logFile, CompletableFuture<String> readyLine) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(launcher.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile), true)) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.println(line);
                if (line.startsWith("READY ")) {
                    readyLine.complete(line);
                }
            }
            readyLine.completeExceptionally(new IllegalStateException("the launcher exited"));
        } catch (IOException e) {
            readyLine.completeExceptionally(new UncheckedIOException(e));
        }
    }

    String url(String shortName) {
        return ready.get(shortName);
    }

    String configUrl() {
        return url("config");
    }

    String matcherUrl() {
        return url("matcher");
    }

    String logUrl() {
        return url("log");
    }

    String bootstrapServers() {
        return url("kafka");
    }

    String adminToken() {
        return url("admin-token");
    }

    Path dataDir() {
        return dataDir;
    }

    String launcherCommand() {
        return launcherCommand;
    }

    long launcherPid() {
        return launcher.pid();
    }

    long pid(String service) {
        return servicePids.get(service);
    }

    /** The processes whose CPU and memory are reported: the broker (the launcher's JVM) and the four services. */
    Map<String, Long> processes() {
        Map<String, Long> all = new LinkedHashMap<>();
        all.put("broker", launcher.pid());
        servicePids.forEach((service, pid) -> all.put(service.replace("-service", ""), pid));
        return all;
    }

    /** Freezes the dispatcher (SIGSTOP), so jobs can be put on its topic before it drains them. */
    void pauseDispatcher() throws IOException, InterruptedException {
        signal("STOP", pid("dispatcher-service"));
    }

    void resumeDispatcher() throws IOException, InterruptedException {
        signal("CONT", pid("dispatcher-service"));
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    @Override
    public void close() {
        try {
            resumeDispatcher(); // a frozen dispatcher could not stop
        } catch (IOException | RuntimeException e) {
            // already running, or gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop(launcher);
    }

    /** SIGTERM to the launcher, which stops the services and the broker; then SIGKILL to whatever is left. */
    private static void stop(Process launcher) {
        List<ProcessHandle> family = new ArrayList<>(launcher.descendants().toList());
        launcher.destroy();
        try {
            if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            launcher.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : family) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    /** Distinct free ports: every socket stays open until all are chosen, or the system may hand one out twice. */
    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }
}
