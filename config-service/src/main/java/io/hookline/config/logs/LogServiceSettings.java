package io.hookline.config.logs;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;

/**
 * Where config-service finds log-service ({@code hookline.log-service.*}), to answer the attempt log on its own port.
 *
 * @param url     log-service's base URL ({@code HOOKLINE_LOG_SERVICE_URL})
 * @param timeout how long one forwarded request may take before the caller gets a 503
 */
@ConfigurationProperties("hookline.log-service")
public record LogServiceSettings(
        @Bindable(defaultValue = "http://localhost:8084") URI url,
        @Bindable(defaultValue = "5s") Duration timeout) {
}
