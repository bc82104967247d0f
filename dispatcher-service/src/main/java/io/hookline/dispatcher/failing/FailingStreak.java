package io.hookline.dispatcher.failing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Since when every attempt of one webhook has failed: {@code failingSince} is the first failure after the last success,
 * null while the webhook is not failing. Attempts of one webhook run concurrently (one lane per URL, possibly on
 * several instances), so an outcome may arrive after a newer one: a failure older than the last success, or a success
 * older than the streak, changes nothing.
 */
public record FailingStreak(String webhookId, Instant failingSince, Instant lastSuccessAt) {

    public static FailingStreak none(String webhookId) {
        return new FailingStreak(webhookId, null, null);
    }

    @JsonIgnore
    public boolean isFailing() {
        return failingSince != null;
    }

    public FailingStreak afterFailure(Instant at) {
        if (isFailing() || (lastSuccessAt != null && !at.isAfter(lastSuccessAt))) {
            return this;
        }
        return new FailingStreak(webhookId, at, lastSuccessAt);
    }

    public FailingStreak afterSuccess(Instant at) {
        if (lastSuccessAt != null && !at.isAfter(lastSuccessAt)) {
            return this;
        }
        if (isFailing() && at.isBefore(failingSince)) {
            return new FailingStreak(webhookId, failingSince, at);
        }
        return new FailingStreak(webhookId, null, at);
    }

    /**
     * When the clock started for the webhook as it is now: the streak's start, or the webhook's last change when that
     * is later (enabling it again, or fixing its URL, gives it a whole new window).
     */
    public Optional<Instant> clockStart(Instant webhookChangedAt) {
        if (!isFailing()) {
            return Optional.empty();
        }
        return Optional.of(webhookChangedAt != null && webhookChangedAt.isAfter(failingSince)
                ? webhookChangedAt : failingSince);
    }

    /** True when, at {@code now}, every attempt has failed for at least {@code window}. */
    public boolean hasLasted(Duration window, Instant webhookChangedAt, Instant now) {
        return clockStart(webhookChangedAt).map(start -> !now.isBefore(start.plus(window))).orElse(false);
    }
}
