package io.hookline.log;

import io.hookline.log.query.ResponsesQuery;
import io.hookline.log.query.StatsQuery;
import io.hookline.log.query.TimeBounds;
import io.hookline.log.redelivery.RecoveryPlanner;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The plain query classes, wired with the wall clock and the retention period. */
@Factory
final class LogBeans {

    @Singleton
    TimeBounds timeBounds(LogSettings settings) {
        return new TimeBounds(Clock.systemUTC(), settings.retention());
    }

    @Singleton
    ResponsesQuery responsesQuery(TimeBounds bounds) {
        return new ResponsesQuery(bounds);
    }

    @Singleton
    StatsQuery statsQuery(TimeBounds bounds) {
        return new StatsQuery(bounds);
    }

    @Singleton
    RecoveryPlanner recoveryPlanner(TimeBounds bounds) {
        return new RecoveryPlanner(bounds);
    }
}
