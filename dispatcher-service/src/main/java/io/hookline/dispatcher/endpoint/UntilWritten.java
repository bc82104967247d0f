package io.hookline.dispatcher.endpoint;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes something that must be written before a job can be called done (a hold, a deferral, a dead letter): a
 * refused or timed-out write is tried again after a pause, without holding a thread, until it succeeds. It gives up
 * only when the job is no longer this instance's ({@link CancellationException}) or the dispatcher stops
 * ({@link RejectedExecutionException}); the job then stays unfinished and its offset uncommitted.
 */
public final class UntilWritten {

    private static final Logger LOG = LoggerFactory.getLogger(UntilWritten.class);

    private final Scheduler scheduler;
    private final Duration pause;

    public UntilWritten(Scheduler scheduler, Duration pause) {
        this.scheduler = scheduler;
        this.pause = pause;
    }

    /**
     * @param write     starts one write; its future completes once the write is acknowledged
     * @param abandoned true once the write is no longer wanted; asked before each repetition
     * @param what      what is written, for the log
     */
    public CompletableFuture<Void> write(Supplier<CompletableFuture<Void>> write, BooleanSupplier abandoned,
                                         String what) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        tryOnce(write, abandoned, what, written);
        return written;
    }

    private void tryAgain(Supplier<CompletableFuture<Void>> write, BooleanSupplier abandoned, String what,
                          CompletableFuture<Void> written) {
        if (abandoned.getAsBoolean()) {
            written.completeExceptionally(new CancellationException("no longer wanted: " + what));
            return;
        }
        tryOnce(write, abandoned, what, written);
    }

    private void tryOnce(Supplier<CompletableFuture<Void>> write, BooleanSupplier abandoned, String what,
                         CompletableFuture<Void> written) {
        CompletableFuture<Void> attempt;
        try {
            attempt = write.get();
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        attempt.whenComplete((ignored, error) -> {
            if (error == null) {
                written.complete(null);
                return;
            }
            LOG.warn("Cannot write {}; trying again in {}", what, pause, error);
            try {
                scheduler.schedule(() -> tryAgain(write, abandoned, what, written), pause.toNanos(),
                        TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                written.completeExceptionally(e);
            }
        });
    }
}
