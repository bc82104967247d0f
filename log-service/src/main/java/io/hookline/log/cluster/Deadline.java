package io.hookline.log.cluster;

import java.time.Duration;

/** How long a query may still wait for its store; waits in short steps. */
final class Deadline {

    private static final long STEP_MILLIS = 100;

    private final long endNanos;

    Deadline(Duration wait) {
        this.endNanos = System.nanoTime() + wait.toNanos();
    }

    boolean passed() {
        return System.nanoTime() >= endNanos;
    }

    /** Waits one step; false when the deadline passed (or the thread was interrupted) instead. */
    boolean pause() {
        if (passed()) {
            return false;
        }
        try {
            Thread.sleep(STEP_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
