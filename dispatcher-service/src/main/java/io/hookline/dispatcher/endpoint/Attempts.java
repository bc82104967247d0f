package io.hookline.dispatcher.endpoint;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.dispatcher.delivery.AttemptResult;
import java.util.concurrent.CompletableFuture;

/** Runs one attempt of a job; the future completes once its outcome is safely written, and fails if it is not. */
@FunctionalInterface
public interface Attempts {

    /** {@code answered} runs once the endpoint is done with the request, before its outcome is written, if ever. */
    CompletableFuture<AttemptResult> attempt(DeliveryJob job, Runnable answered);
}
