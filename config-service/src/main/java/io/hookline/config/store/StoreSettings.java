package io.hookline.config.store;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How long requests wait for Kafka ({@code hookline.store.*}).
 *
 * @param readTimeout  how long a read waits for this instance to catch up with the topic before answering 503
 * @param writeTimeout how long a write waits for Kafka to accept it and for this instance to apply it
 * @param loadTimeout  how long the start waits for the topics to load
 */
@ConfigurationProperties("hookline.store")
public record StoreSettings(
        @Bindable(defaultValue = "3s") Duration readTimeout,
        @Bindable(defaultValue = "10s") Duration writeTimeout,
        @Bindable(defaultValue = "60s") Duration loadTimeout) {
}
