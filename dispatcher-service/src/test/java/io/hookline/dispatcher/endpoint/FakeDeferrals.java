package io.hookline.dispatcher.endpoint;

import io.hookline.contracts.delivery.DeliveryJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Deferrals that are kept in a list instead of on a retry topic. */
final class FakeDeferrals implements Deferrals {

    record Deferral(DeliveryJob job, Instant dueAt) {
    }

    final FakeWrites writes = new FakeWrites();
    private final List<Deferral> written = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<Void> defer(DeliveryJob job, Instant dueAt, Instant now) {
        return writes.write().thenRun(() -> {
            synchronized (this) {
                written.add(new Deferral(job, dueAt));
            }
        });
    }

    synchronized List<Deferral> written() {
        return List.copyOf(written);
    }

    synchronized List<String> deferredIds() {
        return written.stream().map(deferral -> deferral.job().deliveryId()).toList();
    }
}
