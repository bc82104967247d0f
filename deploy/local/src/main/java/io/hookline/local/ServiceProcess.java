package io.hookline.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as its own JVM, its output in a log file, stopped with SIGTERM (then SIGKILL if it hangs), or
 * killed outright.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    /** Light options for a laptop; {@code HOOKLINE_SERVICE_JVM_OPTIONS} (split on white space) replaces them. */
    static final String DEFAULT_JVM_OPTIONS = "-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final Process process;
    private final Path logFile;
    private final int port;

    private ServiceProcess(Service service, Process process, Path logFile, int port) {
        this.service = service;
        this.process = process;
        this.logFile = logFile;
        this.port = port;
    }

    public static ServiceProcess start(Service service, Path jar, int port, Map<String, String> properties,
                                       Path logFile) throws IOException {
        return start(service, jar, port, properties, Map.of(), logFile);
    }

    /** With {@code environment} added to this process's own environment variables. */
    public static ServiceProcess start(Service service, Path jar, int port, Map<String, String> properties,
                                       Map<String, String> environment, Path logFile) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -DskipTests package");
        }
        Files.createDirectories(logFile.getParent());
        String options = System.getenv("HOOKLINE_SERVICE_JVM_OPTIONS");
        List<String> command = command(jar, port, properties,
                options == null || options.isBlank() ? DEFAULT_JVM_OPTIONS : options);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        return new ServiceProcess(service, process, logFile, port);
    }

    /** The service's command line: {@link ServiceCommand}, with its port and settings as system properties. */
    static List<String> command(Path jar, int port, Map<String, String> properties, String jvmOptions) {
        Map<String, String> systemProperties = new LinkedHashMap<>(properties);
        systemProperties.put("micronaut.server.port", String.valueOf(port));
        return new ServiceCommand(List.of(jvmOptions.trim().split("\\s+")), systemProperties, jar)
                .argv(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    public Service service() {
        return service;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /health} answers 200; fails early when the process dies. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with code " + process.exitValue()
                        + "; see " + logFile);
            }
            if (healthy()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(service.module() + " was not healthy after " + timeout + "; see " + logFile);
    }

    private boolean healthy() throws InterruptedException {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    /** Stops it as {@code kill -9} does: no shutdown hook runs, nothing is flushed or committed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
