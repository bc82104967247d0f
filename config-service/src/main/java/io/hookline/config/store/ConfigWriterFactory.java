package io.hookline.config.store;

import io.hookline.service.KafkaConnection;
import io.hookline.service.KafkaSettings;
import io.hookline.service.store.ConfigWriter;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The writer of the compacted config topics, shared with dispatcher-service's disabling of gone endpoints. */
@Factory
public final class ConfigWriterFactory {

    @Singleton
    @Bean(preDestroy = "close")
    ConfigWriter configWriter(KafkaSettings kafka, KafkaConnection connection, StoreSettings settings) {
        return new ConfigWriter(kafka, connection, settings.writeTimeout());
    }
}
