package io.hookline.config.ratelimit;

import io.hookline.config.error.ProblemException;
import io.hookline.service.auth.Caller;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/** The two per-token limits of config-service's API: writes, and events posted. */
@Singleton
public final class ApiRateLimits {

    private final TokenBuckets writes;
    private final TokenBuckets events;

    public ApiRateLimits(RateLimitSettings settings) {
        this.writes = new TokenBuckets(settings.writesPerSecond(), settings.maxTrackedTokens());
        this.events = new TokenBuckets(settings.eventsPerSecond(), settings.maxTrackedTokens());
    }

    /** A refusal when the caller's token has made its writes of this second; else nothing, and one write is spent. */
    Optional<Refusal> refuseWrite(Caller caller) {
        return writes.tryTake(caller.tokenId(), 1)
                .map(wait -> Refusal.tooMany("This token may make " + writes.perSecond() + " writes per second", wait));
    }

    /**
     * Takes {@code count} events from the caller's allowance, or throws a 429 problem with Retry-After; a batch larger
     * than a whole second's allowance is a 413, since waiting would never let it through.
     */
    public void takeEvents(Caller caller, int count) {
        if (!events.limited()) {
            return;
        }
        if (count > events.perSecond()) {
            throw ProblemException.tooLarge("A batch of " + count + " events is more than the "
                    + events.perSecond() + " events per second this token may post; send smaller batches");
        }
        Optional<Duration> wait = events.tryTake(caller.tokenId(), Math.max(1, count));
        if (wait.isPresent()) {
            throw Refusal.tooMany("This token may post " + events.perSecond() + " events per second", wait.get())
                    .toException();
        }
    }
}
