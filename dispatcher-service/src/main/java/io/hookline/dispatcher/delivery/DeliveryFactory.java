package io.hookline.dispatcher.delivery;

import io.hookline.dispatcher.config.DispatcherSettings;
import io.hookline.dispatcher.retry.RetrySchedule;
import io.hookline.service.KafkaConnection;
import io.hookline.service.KafkaSettings;
import io.hookline.service.store.ConfigWriter;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Beans of plain classes that only need settings. */
@Factory
public class DeliveryFactory {

    @Singleton
    RetrySchedule retrySchedule(DispatcherSettings settings) {
        return new RetrySchedule(settings.retryDelayScale(), settings.retryAfterCap());
    }

    /** The same writer, under the same transactional id, as config-service's: see {@link WebhookDisabler}. */
    @Singleton
    @Bean(preDestroy = "close")
    ConfigWriter configWriter(KafkaSettings kafka, KafkaConnection connection, DispatcherSettings settings) {
        return new ConfigWriter(kafka, connection, settings.configWriteTimeout());
    }
}
