package io.hookline.cluster.faults;

import io.hookline.local.Service;
import io.hookline.local.ServiceProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Two instances of each of the four services, each its own JVM started from the packaged jar as {@code ./run-local}
 * does, with its own port, state directories and log file, all on one cluster with replication 3.
 */
final class ServiceFleet implements AutoCloseable {

    static final int INSTANCES = 2;
    static final int PARTITIONS = 6;
    private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(4);

    private final Map<Instance, ServiceProcess> processes = new LinkedHashMap<>();

    private ServiceFleet() {
    }

    /** Starts all eight at once (they find each other through Kafka) and waits until each is healthy. */
    static ServiceFleet start(Path home, Path workDir, String bootstrapServers, FleetSecrets secrets)
            throws IOException, InterruptedException {
        ServiceFleet fleet = new ServiceFleet();
        try {
            List<Integer> ports = freePorts(Service.values().length * INSTANCES);
            int next = 0;
            for (Service service : Service.values()) {
                for (int index = 0; index < INSTANCES; index++) {
                    Instance instance = new Instance(service, index);
                    Path jar = home.resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
                    fleet.processes.put(instance, ServiceProcess.start(service, jar, ports.get(next++),
                            properties(instance, workDir, bootstrapServers, secrets),
                            workDir.resolve("logs").resolve(instance.name() + ".log")));
                }
            }
            for (ServiceProcess process : fleet.processes.values()) {
                process.awaitHealthy(HEALTH_TIMEOUT);
            }
            return fleet;
        } catch (IOException | InterruptedException | RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    private static Map<String, String> properties(Instance instance, Path workDir, String bootstrapServers,
                                                  FleetSecrets secrets) {
        Path state = workDir.resolve("state").resolve(instance.name());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("hookline.kafka.bootstrap-servers", bootstrapServers);
        properties.put("hookline.kafka.create-topics", "false");
        properties.put("hookline.kafka.partitions", String.valueOf(PARTITIONS));
        // Kafka Streams' own topics (log-service's changelogs, repartition topics) take it from here.
        properties.put("hookline.kafka.replication-factor", "3");
        properties.put("hookline.kafka.min-insync-replicas", "2");
        properties.put("hookline.auth.admin-token", secrets.adminToken());
        properties.put("hookline.secrets.key", secrets.secretsKey());
        properties.put("hookline.local-mode", "true");
        properties.put("hookline.dispatcher.ssrf.enabled", "false");
        properties.put("hookline.matcher.state-dir", state.resolve("matcher").toString());
        properties.put("hookline.log.state-dir", state.resolve("log").toString());
        return properties;
    }

    String url(Instance instance) {
        return process(instance).url();
    }

    Path logFile(Instance instance) {
        return process(instance).logFile();
    }

    boolean isAlive(Instance instance) {
        return process(instance).isAlive();
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no group leave, nothing flushed or committed. */
    void kill(Instance instance) throws InterruptedException {
        process(instance).kill();
    }

    List<Instance> instances(Service service) {
        List<Instance> instances = new ArrayList<>();
        for (int index = 0; index < INSTANCES; index++) {
            instances.add(new Instance(service, index));
        }
        return instances;
    }

    private ServiceProcess process(Instance instance) {
        return processes.get(instance);
    }

    private static List<Integer> freePorts(int count) throws IOException {
        // Every socket stays open until all ports are chosen: closed one by one, the system may hand one out twice.
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

    @Override
    public void close() {
        // All at once: each may take its shutdown timeout.
        ExecutorService closing = Executors.newFixedThreadPool(processes.size());
        try {
            CompletableFuture.allOf(processes.values().stream()
                    .map(process -> CompletableFuture.runAsync(process::close, closing))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            closing.shutdown();
        }
    }
}
