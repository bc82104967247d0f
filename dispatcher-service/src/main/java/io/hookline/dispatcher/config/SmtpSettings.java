package io.hookline.dispatcher.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Failure notification mail ({@code hookline.dispatcher.smtp.*}); off while {@code host} is not set.
 *
 * @param minInterval at most one mail per webhook within this interval
 */
@ConfigurationProperties("hookline.dispatcher.smtp")
public record SmtpSettings(
        @Nullable String host,
        @Bindable(defaultValue = "25") int port,
        @Bindable(defaultValue = "hookline@localhost") String from,
        @Nullable String username,
        @Nullable String password,
        @Bindable(defaultValue = "false") boolean starttls,
        @Bindable(defaultValue = "1h") Duration minInterval) {

    public boolean enabled() {
        return host != null && !host.isBlank();
    }
}
