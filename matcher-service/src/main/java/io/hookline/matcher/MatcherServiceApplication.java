package io.hookline.matcher;

import io.micronaut.runtime.Micronaut;

/** Starts the matcher-service. */
public final class MatcherServiceApplication {

    private MatcherServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(MatcherServiceApplication.class, args);
    }
}
