package io.hookline.dispatcher.endpoint;

import io.hookline.contracts.delivery.DeliveryJob;
import io.hookline.dispatcher.order.HoldStore;
import io.hookline.dispatcher.order.SubjectHold;
import io.hookline.dispatcher.order.SubjectPosition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Subject holds kept in memory, as one dispatcher would see them on the compacted topic. */
final class FakeHolds implements HoldStore {

    final FakeWrites writes = new FakeWrites();
    private final Map<String, SubjectHold> holds = new LinkedHashMap<>();
    private final Map<String, DeliveryJob> jobs = new LinkedHashMap<>();

    @Override
    public synchronized List<SubjectHold> heldBefore(DeliveryJob job, Instant now) {
        return holds.values().stream()
                .filter(hold -> hold.subject().equals(job.eventSubject()))
                .filter(hold -> SubjectPosition.of(jobs.get(hold.deliveryId())).precedes(SubjectPosition.of(job)))
                .toList();
    }

    @Override
    public CompletableFuture<Void> hold(DeliveryJob job, Instant dueAt) {
        return writes.write().thenRun(() -> {
            synchronized (this) {
                jobs.put(job.deliveryId(), job);
                holds.put(job.deliveryId(), new SubjectHold(job.webhookId(), job.url(), job.eventSubject(),
                        job.position(), job.deliveryId(), dueAt));
            }
        });
    }

    @Override
    public CompletableFuture<Void> release(DeliveryJob job) {
        synchronized (this) {
            if (!holds.containsKey(job.deliveryId())) {
                return CompletableFuture.completedFuture(null);
            }
        }
        return writes.write().thenRun(() -> {
            synchronized (this) {
                holds.remove(job.deliveryId());
            }
        });
    }

    synchronized boolean isHeld(DeliveryJob job) {
        return holds.containsKey(job.deliveryId());
    }
}
