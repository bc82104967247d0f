package io.hookline.contracts.topic;

import java.time.Duration;

/** The delays of CONTRACT.md section 7, each with its own retry topic so a short delay never waits behind a long one. */
public enum RetryTier {
    SECONDS_10("10s", Duration.ofSeconds(10)),
    MINUTE_1("1m", Duration.ofMinutes(1)),
    MINUTES_10("10m", Duration.ofMinutes(10)),
    HOUR_1("1h", Duration.ofHours(1)),
    HOURS_3("3h", Duration.ofHours(3)),
    HOURS_6("6h", Duration.ofHours(6)),
    HOURS_12("12h", Duration.ofHours(12)),
    HOURS_24("24h", Duration.ofHours(24));

    private final String suffix;
    private final Duration delay;

    RetryTier(String suffix, Duration delay) {
        this.suffix = suffix;
        this.delay = delay;
    }

    public String suffix() {
        return suffix;
    }

    public Duration delay() {
        return delay;
    }

    /** The tier of the n-th retry (1-based); retries past the schedule stay on the last tier. */
    public static RetryTier forRetry(int retryNumber) {
        RetryTier[] tiers = values();
        return tiers[Math.min(Math.max(retryNumber, 1), tiers.length) - 1];
    }
}
