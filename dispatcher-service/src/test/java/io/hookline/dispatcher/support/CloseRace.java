package io.hookline.dispatcher.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.reactor.IOSession;
import org.apache.hc.core5.reactor.IOSessionListener;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Makes the race of a busy dispatcher happen every time: a pooled connection is handed out for a new request after
 * the endpoint closed it but before the client's I/O thread has read that close. Armed just before a receiver closes a
 * connection, it holds the I/O thread at the next input event (the close) until a request is queued on that
 * connection, then lets the client read the close.
 */
public final class CloseRace implements IOSessionListener {

    private static final Duration LONGEST_HOLD = Duration.ofSeconds(10);

    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicInteger caught = new AtomicInteger();
    private volatile boolean released;

    public void arm() {
        armed.set(true);
    }

    /** How many times a request was queued on a connection the endpoint had already closed. */
    public int caught() {
        return caught.get();
    }

    /** Stops holding, for the end of a test. */
    public void release() {
        released = true;
    }

    @Override
    public void inputReady(IOSession session) {
        if (!armed.compareAndSet(true, false)) {
            return;
        }
        try {
            await().atMost(LONGEST_HOLD).pollInterval(Duration.ofMillis(2))
                    .until(() -> released || session.hasCommands() || !session.isOpen());
            if (session.hasCommands()) {
                caught.incrementAndGet();
            }
        } catch (ConditionTimeoutException nothingQueued) {
            // No request came for this connection; let the client read the close as usual.
        }
    }

    @Override
    public void connected(IOSession session) {
    }

    @Override
    public void startTls(IOSession session) {
    }

    @Override
    public void outputReady(IOSession session) {
    }

    @Override
    public void timeout(IOSession session) {
    }

    @Override
    public void exception(IOSession session, Exception ex) {
    }

    @Override
    public void disconnected(IOSession session) {
    }
}
