package io.hookline.dispatcher.order;

import io.hookline.contracts.delivery.DeliveryJob;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where ordered jobs waiting for a retry are recorded, so later jobs of their subject wait too. */
public interface HoldStore {

    /** The holds on earlier jobs of this job's subject at its endpoint that still hold at {@code now}. */
    List<SubjectHold> heldBefore(DeliveryJob job, Instant now);

    /** Records that {@code job} waits until {@code dueAt}; completes once later decisions see it. */
    CompletableFuture<Void> hold(DeliveryJob job, Instant dueAt);

    /** Removes {@code job}'s hold, if it has one; completes once later decisions see it gone. */
    CompletableFuture<Void> release(DeliveryJob job);
}
