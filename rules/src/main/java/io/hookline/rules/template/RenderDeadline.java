package io.hookline.rules.template;

import com.hubspot.jinjava.el.JinjavaNodePreProcessor;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.Node;

/**
 * Bounds the wall-clock time of a render: Jinjava calls this before every node it renders (each loop iteration
 * renders its body's nodes), and past the deadline every node fails at once, so the render unwinds quickly. The
 * deadline is per thread because a render runs entirely on its caller's thread.
 */
final class RenderDeadline extends JinjavaNodePreProcessor {

    private static final ThreadLocal<long[]> DEADLINE = new ThreadLocal<>();

    /** Starts the clock for a render on this thread. */
    static void start(long timeoutNanos) {
        DEADLINE.set(new long[] {System.nanoTime() + timeoutNanos, 0});
    }

    /** Stops the clock; true when the deadline passed during the render. */
    static boolean stopAndCheckExpired() {
        long[] deadline = DEADLINE.get();
        DEADLINE.remove();
        return deadline != null && deadline[1] != 0;
    }

    @Override
    public void accept(Node node, JinjavaInterpreter interpreter) {
        super.accept(node, interpreter);
        long[] deadline = DEADLINE.get();
        if (deadline != null && (deadline[1] != 0 || System.nanoTime() - deadline[0] > 0)) {
            deadline[1] = 1;
            throw new InterpretException("template render time limit exceeded",
                    node.getLineNumber(), node.getStartPosition());
        }
    }
}
