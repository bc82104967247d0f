package io.hookline.service;

import io.hookline.contracts.size.SizeLimits;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The record sizes of this installation, from {@link EventSettings}. */
@Factory
public class SizeLimitsFactory {

    @Singleton
    SizeLimits sizeLimits(EventSettings settings) {
        return settings.limits();
    }
}
