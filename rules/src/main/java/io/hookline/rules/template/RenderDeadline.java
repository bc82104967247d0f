package io.hookline.rules.template;

import com.hubspot.jinjava.el.JinjavaNodePreProcessor;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.Node;
import java.util.function.LongSupplier;

/**
 * Bounds the wall-clock time of a render: Jinjava calls this before every node it renders (each loop iteration
 * renders its body's nodes), and past the deadline every node fails at once, so the render unwinds quickly. The
 * deadline is per thread because a render runs entirely on its caller's thread. Wall-clock time also counts the time
 * the thread waited for a CPU: an expired deadline says the render was slow, not that the template is wrong.
 */
final class RenderDeadline extends JinjavaNodePreProcessor {

    private static final ThreadLocal<Deadline> DEADLINE = new ThreadLocal<>();

    /** Starts the clock ({@code nanoClock}, e.g. {@link System#nanoTime}) for a render on this thread. */
    static void start(LongSupplier nanoClock, long timeoutNanos) {
        DEADLINE.set(new Deadline(nanoClock, nanoClock.getAsLong() + timeoutNanos));
    }

    /** Stops the clock; true when the deadline passed during the render. */
    static boolean stopAndCheckExpired() {
        Deadline deadline = DEADLINE.get();
        DEADLINE.remove();
        return deadline != null && deadline.expired;
    }

    @Override
    public void accept(Node node, JinjavaInterpreter interpreter) {
        super.accept(node, interpreter);
        Deadline deadline = DEADLINE.get();
        if (deadline != null && (deadline.expired || deadline.clock.getAsLong() - deadline.at > 0)) {
            deadline.expired = true;
            throw new InterpretException("template render time limit exceeded",
                    node.getLineNumber(), node.getStartPosition());
        }
    }

    private static final class Deadline {
        private final LongSupplier clock;
        private final long at;
        private boolean expired;

        private Deadline(LongSupplier clock, long at) {
            this.clock = clock;
            this.at = at;
        }
    }
}
