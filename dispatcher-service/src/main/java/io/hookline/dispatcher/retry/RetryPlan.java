package io.hookline.dispatcher.retry;

import io.hookline.contracts.topic.RetryTier;
import java.time.Instant;

/** Where a job waits for its next attempt and when that attempt is due. */
public record RetryPlan(RetryTier tier, Instant dueAt) {
}
