package io.hookline.dispatcher.endpoint;

import io.hookline.contracts.delivery.DeliveryJob;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** Puts a job aside until {@code dueAt} without spending an attempt; completes once that is safely written. */
@FunctionalInterface
public interface Deferrals {

    CompletableFuture<Void> defer(DeliveryJob job, Instant dueAt, Instant now);
}
