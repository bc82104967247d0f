package io.hookline.dispatcher;

import io.micronaut.runtime.Micronaut;

/** Starts the dispatcher-service. */
public final class DispatcherServiceApplication {

    private DispatcherServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(DispatcherServiceApplication.class, args);
    }
}
