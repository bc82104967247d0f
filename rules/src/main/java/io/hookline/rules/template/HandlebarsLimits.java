package io.hookline.rules.template;

import com.github.jknack.handlebars.Helper;
import java.util.function.LongSupplier;

/**
 * The time and output bounds of one Handlebars render, per thread as a render runs entirely on its caller's thread
 * (like {@link RenderDeadline} for Jinja). Handlebars has no node hook, so the clock is checked wherever a render does
 * work that can repeat: every value looked up ({@link DeadlineResolver}) and every helper called, {@code each}
 * iterations included ({@link #guard}). Block helpers build their output in memory before the writer sees it, so the
 * characters they produce are counted too, against a budget of a few times the output limit (a block's output is
 * counted again by each enclosing block): a nested {@code each} cannot fill the heap before the writer's bound applies.
 */
final class HandlebarsLimits {

    /** Output counted across nested blocks, as a multiple of the output limit. */
    private static final int NESTED_OUTPUT_FACTOR = 8;
    private static final ThreadLocal<State> STATE = new ThreadLocal<>();

    enum Exceeded { NONE, TIME, OUTPUT }

    private HandlebarsLimits() {
    }

    static void start(LongSupplier nanoClock, long timeoutNanos, int maxOutputChars) {
        STATE.set(new State(nanoClock, nanoClock.getAsLong() + timeoutNanos,
                (long) maxOutputChars * NESTED_OUTPUT_FACTOR));
    }

    /** Ends the render on this thread; which limit, if any, stopped it. */
    static Exceeded stop() {
        State state = STATE.get();
        STATE.remove();
        return state == null ? Exceeded.NONE : state.exceeded;
    }

    /** Fails the render once its time is up. */
    static void checkTime() {
        State state = STATE.get();
        if (state == null) {
            return;
        }
        if (state.exceeded == Exceeded.NONE && state.clock.getAsLong() - state.deadline > 0) {
            state.exceeded = Exceeded.TIME;
        }
        if (state.exceeded != Exceeded.NONE) {
            throw new LimitReached("template render limit reached");
        }
    }

    /** Wraps a helper so that calling it checks the clock and its output counts against the budget. */
    static <T> Helper<T> guard(Helper<T> helper) {
        return (context, options) -> {
            checkTime();
            Object result = helper.apply(context, options);
            if (result instanceof CharSequence text) {
                produced(text.length());
            }
            return result;
        };
    }

    private static void produced(int chars) {
        State state = STATE.get();
        if (state == null) {
            return;
        }
        state.produced += chars;
        if (state.produced > state.outputBudget && state.exceeded == Exceeded.NONE) {
            state.exceeded = Exceeded.OUTPUT;
        }
        if (state.exceeded != Exceeded.NONE) {
            throw new LimitReached("template output limit reached");
        }
    }

    /** Unwinds a render that reached a limit; {@link #stop()} tells which one. */
    static final class LimitReached extends RuntimeException {
        LimitReached(String message) {
            super(message, null, false, false);
        }
    }

    private static final class State {
        private final LongSupplier clock;
        private final long deadline;
        private final long outputBudget;
        private long produced;
        private Exceeded exceeded = Exceeded.NONE;

        private State(LongSupplier clock, long deadline, long outputBudget) {
            this.clock = clock;
            this.deadline = deadline;
            this.outputBudget = outputBudget;
        }
    }
}
