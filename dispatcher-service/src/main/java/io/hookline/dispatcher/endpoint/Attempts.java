package io.hookline.dispatcher.endpoint;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.dispatcher.delivery.AttemptResult;
import java.util.concurrent.CompletableFuture;

/** Runs one attempt of a job; the future completes once its outcome is safely written, and fails if it is not. */
@FunctionalInterface
public interface Attempts {

    CompletableFuture<AttemptResult> attempt(DeliveryJob job);
}
