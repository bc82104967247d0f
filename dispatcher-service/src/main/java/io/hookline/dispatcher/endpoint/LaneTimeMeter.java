package io.hookline.dispatcher.endpoint;

import io.github.bucket4j.TimeMeter;

/** The lanes' clock for rate-limit buckets, so that tests drive refills by hand. */
record LaneTimeMeter(Scheduler scheduler) implements TimeMeter {

    @Override
    public long currentTimeNanos() {
        return scheduler.nanoTime();
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }
}
