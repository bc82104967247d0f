package io.hookline.config.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    @Test
    void shouldKeepNoMoreBucketsThanConfiguredWhateverTheNumberOfTokens() {
        TokenBuckets buckets = new TokenBuckets(10, 100);

        for (int i = 0; i < 10_000; i++) {
            buckets.tryTake("token-" + i, 1);
        }

        assertThat(buckets.trackedTokens()).isLessThanOrEqualTo(100);
    }

    @Test
    void shouldSayHowLongUntilTheRefusedPermitsAreThere() {
        TokenBuckets buckets = new TokenBuckets(1, 100);

        assertThat(buckets.tryTake("t", 1)).isEmpty();
        assertThat(buckets.tryTake("t", 1)).hasValueSatisfying(wait ->
                assertThat(wait.toNanos()).isBetween(1L, 1_000_000_000L));
    }

    @Test
    void shouldLetEverythingThroughWhenTheLimitIsOff() {
        TokenBuckets buckets = new TokenBuckets(0, 100);

        for (int i = 0; i < 1_000; i++) {
            assertThat(buckets.tryTake("t", 1_000)).isEmpty();
        }
    }
}
