package io.hookline.config.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;

/**
 * One Bucket4j token bucket per API token for one kind of request: {@code perSecond} permits, refilled greedily over
 * each second, so a token may burst up to a second's worth. The buckets live in a bounded cache: a bucket unused for
 * {@link #IDLE} has refilled completely, so forgetting it changes nothing, and at most {@code maxTokens} are kept.
 */
public final class TokenBuckets {

    static final Duration IDLE = Duration.ofSeconds(10);

    private final long perSecond;
    private final Cache<String, Bucket> buckets;

    public TokenBuckets(long perSecond, long maxTokens) {
        this.perSecond = perSecond;
        this.buckets = Caffeine.newBuilder().maximumSize(maxTokens).expireAfterAccess(IDLE).build();
    }

    /** Whether the limit is on at all. */
    public boolean limited() {
        return perSecond > 0;
    }

    public long perSecond() {
        return perSecond;
    }

    /**
     * Takes {@code permits} from the token's bucket; empty when they were there, else how long until they will be
     * (nothing is taken then). More permits than a bucket holds are never there: callers check {@link #perSecond}.
     */
    public Optional<Duration> tryTake(String tokenId, long permits) {
        if (!limited()) {
            return Optional.empty();
        }
        ConsumptionProbe probe = buckets.get(tokenId, id -> newBucket()).tryConsumeAndReturnRemaining(permits);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    long trackedTokens() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perSecond)
                        .refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build();
    }
}
