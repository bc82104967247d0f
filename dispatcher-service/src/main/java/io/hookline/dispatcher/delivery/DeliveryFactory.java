package io.hookline.dispatcher.delivery;

import io.hookline.dispatcher.config.DispatcherSettings;
import io.hookline.dispatcher.retry.RetrySchedule;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Beans of plain classes that only need settings. */
@Factory
public class DeliveryFactory {

    @Singleton
    RetrySchedule retrySchedule(DispatcherSettings settings) {
        return new RetrySchedule(settings.retryDelayScale(), settings.retryAfterCap());
    }
}
