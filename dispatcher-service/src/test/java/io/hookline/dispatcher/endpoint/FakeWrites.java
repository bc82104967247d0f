package io.hookline.dispatcher.endpoint;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Writes that succeed at once, except for as many failures as a test asks for (a broker refusing, a timeout). */
final class FakeWrites {

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger attempted = new AtomicInteger();

    void failNext(int count) {
        failuresLeft.set(count);
    }

    int attempted() {
        return attempted.get();
    }

    CompletableFuture<Void> write() {
        attempted.incrementAndGet();
        if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            return CompletableFuture.failedFuture(new IllegalStateException("broker refused the write"));
        }
        return CompletableFuture.completedFuture(null);
    }
}
