package io.hookline.matcher.freshness;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The freshness gate's settings ({@code hookline.matcher.freshness.*}).
 *
 * @param maxWait   the longest an event waits for the webhook view; past it the event is not matched, the stream
 *                  thread is replaced, the event is read again and {@code /health} is down until one passes
 * @param clockSkew how far a producer's clock may run behind the matcher's: an event whose timestamp is more than
 *                  this older than an offset snapshot is checked against that snapshot instead of a new one
 */
@ConfigurationProperties("hookline.matcher.freshness")
public record FreshnessSettings(
        @Bindable(defaultValue = "30s") Duration maxWait,
        @Bindable(defaultValue = "100ms") Duration clockSkew) {
}
