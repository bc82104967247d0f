package io.hookline.dispatcher.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Reuse of keep-alive connections to endpoints ({@code hookline.dispatcher.connections.*}).
 *
 * @param validateAfterInactivity a pooled connection idle this long is checked before it is reused: an HTTP/1.1
 *                                connection is replaced by a fresh one (there is no cheap check), an HTTP/2 one is
 *                                pinged. Servers close idle connections after a few seconds (Node.js 5 s, gunicorn
 *                                2 s) and middleboxes drop idle flows silently
 * @param timeToLive              a connection is not reused once it is this old
 * @param idleTimeout             an idle pooled connection is closed after this long
 * @param unsentResends           how often a request that the endpoint never processed goes out again at once, within
 *                                the same attempt, after failing on a fresh connection (failures on reused pooled
 *                                connections retire them and do not count)
 */
@ConfigurationProperties("hookline.dispatcher.connections")
public record ConnectionSettings(
        @Bindable(defaultValue = "2s") Duration validateAfterInactivity,
        @Bindable(defaultValue = "5m") Duration timeToLive,
        @Bindable(defaultValue = "30s") Duration idleTimeout,
        @Min(0) @Max(10) @Bindable(defaultValue = "2") int unsentResends) {

    public static final ConnectionSettings DEFAULTS =
            new ConnectionSettings(Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofSeconds(30), 2);
}
