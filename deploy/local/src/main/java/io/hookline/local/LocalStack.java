package io.hookline.local;

import io.hookline.contracts.size.SizeLimits;
import io.hookline.contracts.topic.TopicCatalog;
import io.hookline.contracts.topic.TopicProvisioner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The whole of Hookline on one machine: the embedded broker, the topics, and the four services as processes. */
public final class LocalStack implements AutoCloseable {

    private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(3);
    private static final int PARTITIONS = 6;

    private final LocalSettings settings;
    private final LocalSecrets secrets;
    private EmbeddedKafkaBroker broker;
    private final List<ServiceProcess> services = new ArrayList<>();

    private LocalStack(LocalSettings settings, LocalSecrets secrets, EmbeddedKafkaBroker broker) {
        this.settings = settings;
        this.secrets = secrets;
        this.broker = broker;
    }

    public static LocalStack start(LocalSettings settings) throws IOException, InterruptedException {
        LocalSecrets secrets = LocalSecrets.loadOrCreate(settings.dataDir(), settings.adminTokenOverride());
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings.dataDir().resolve("kafka"),
                settings.kafkaPort(), settings.controllerPort());
        LocalStack stack = new LocalStack(settings, secrets, broker);
        try {
            stack.createTopics();
            stack.startServices();
            return stack;
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public String adminToken() {
        return secrets.adminToken();
    }

    public String url(Service service) {
        return "http://localhost:" + settings.port(service);
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** Kills one service as {@code kill -9} would; {@link #restart} brings it back. */
    public void kill(Service service) throws InterruptedException {
        running(service).kill();
    }

    /** Starts a service again (after {@link #kill}, or stops it first) and waits until it is healthy. */
    public void restart(Service service) throws IOException, InterruptedException {
        ServiceProcess old = running(service);
        old.close();
        ServiceProcess started = startService(service);
        services.set(services.indexOf(old), started);
        started.awaitHealthy(HEALTH_TIMEOUT);
    }

    /** Stops the broker and starts it again on the same data and ports, with the services left running. */
    public void restartBroker() throws IOException {
        broker.close();
        broker = EmbeddedKafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                settings.controllerPort());
    }

    private ServiceProcess running(Service service) {
        return services.stream().filter(process -> process.service() == service).findFirst()
                .orElseThrow(() -> new IllegalStateException(service.module() + " is not started"));
    }

    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()))) {
            new TopicProvisioner(admin, (short) 1).ensure(TopicCatalog.all("", PARTITIONS, sizeLimits()));
        }
    }

    /** The services inherit HOOKLINE_EVENTS_MAX_BYTES; the topics must take the records it allows. */
    private static SizeLimits sizeLimits() {
        String eventMaxBytes = System.getenv("HOOKLINE_EVENTS_MAX_BYTES");
        return eventMaxBytes == null || eventMaxBytes.isBlank() ? SizeLimits.DEFAULT
                : new SizeLimits(Integer.parseInt(eventMaxBytes.trim()));
    }

    private void startServices() throws IOException, InterruptedException {
        for (Service service : Service.values()) {
            services.add(startService(service));
        }
        for (ServiceProcess service : services) {
            service.awaitHealthy(HEALTH_TIMEOUT);
        }
    }

    private ServiceProcess startService(Service service) throws IOException {
        Path jar = ServiceCommand.jar(settings.home(), service.module());
        return ServiceProcess.start(service, jar, settings.port(service), propertiesFor(service),
                settings.logDir().resolve(service.module() + ".log"));
    }

    private Map<String, String> propertiesFor(Service service) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("hookline.kafka.bootstrap-servers", settings.bootstrapServers());
        properties.put("hookline.kafka.create-topics", "false");
        properties.put("hookline.kafka.partitions", String.valueOf(PARTITIONS));
        properties.put("hookline.auth.admin-token", secrets.adminToken());
        properties.put("hookline.secrets.key", secrets.secretsKey());
        properties.put("hookline.local-mode", "true");
        properties.put("hookline.dispatcher.ssrf.enabled", "false");
        properties.put("hookline.matcher.state-dir", settings.dataDir().resolve("state/matcher").toString());
        properties.put("hookline.log.state-dir", settings.dataDir().resolve("state/log").toString());
        properties.put("hookline.log-service.url", url(Service.LOG));
        return properties;
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
        broker.close();
    }
}
