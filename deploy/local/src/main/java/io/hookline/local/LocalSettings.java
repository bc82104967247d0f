package io.hookline.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where and on which ports the local stack runs. Defaults are CONTRACT.md's ports; the environment overrides them
 * ({@code HOOKLINE_DATA_DIR}, {@code HOOKLINE_KAFKA_PORT}, {@code HOOKLINE_CONFIG_PORT}, ...).
 *
 * @param home the repository root, where each service's packaged jar is found
 */
public record LocalSettings(Path home, Path dataDir, int kafkaPort, int controllerPort, Map<Service, Integer> ports,
                            String adminTokenOverride) {

    public static LocalSettings fromEnvironment(Path home, Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("HOOKLINE_DATA_DIR", home.resolve("data").toString()))
                .toAbsolutePath();
        return new LocalSettings(home, dataDir,
                port(env, "HOOKLINE_KAFKA_PORT", 9092),
                port(env, "HOOKLINE_KAFKA_CONTROLLER_PORT", 9093),
                Map.of(Service.CONFIG, port(env, "HOOKLINE_CONFIG_PORT", Service.CONFIG.defaultPort()),
                        Service.MATCHER, port(env, "HOOKLINE_MATCHER_PORT", Service.MATCHER.defaultPort()),
                        Service.DISPATCHER, port(env, "HOOKLINE_DISPATCHER_PORT", Service.DISPATCHER.defaultPort()),
                        Service.LOG, port(env, "HOOKLINE_LOG_PORT", Service.LOG.defaultPort())),
                blankToNull(env.get("HOOKLINE_ADMIN_TOKEN")));
    }

    public int port(Service service) {
        return ports.get(service);
    }

    public String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was \"" + value + "\"", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
