package io.hookline.local;

import java.util.Locale;

/** The four Hookline services, each a module whose packaged jar runs as its own process. */
public enum Service {
    CONFIG("config-service", 8081),
    MATCHER("matcher-service", 8082),
    DISPATCHER("dispatcher-service", 8083),
    LOG("log-service", 8084);

    private final String module;
    private final int defaultPort;

    Service(String module, int defaultPort) {
        this.module = module;
        this.defaultPort = defaultPort;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The short name used in the READY line and in environment variables. */
    public String shortName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
