package io.hookline.log;

import io.micronaut.runtime.Micronaut;

/** Starts the log-service. */
public final class LogServiceApplication {

    private LogServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(LogServiceApplication.class, args);
    }
}
