package io.hookline.config;

import io.micronaut.runtime.Micronaut;

/** Starts the config-service. */
public final class ConfigServiceApplication {

    private ConfigServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(ConfigServiceApplication.class, args);
    }
}
