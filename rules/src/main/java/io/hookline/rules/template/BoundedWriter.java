package io.hookline.rules.template;

import java.io.Writer;

/** Collects a render's output and stops it at the output limit. */
final class BoundedWriter extends Writer {

    private final StringBuilder out = new StringBuilder();
    private final int maxChars;
    private boolean overflowed;

    BoundedWriter(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        HandlebarsLimits.checkTime();
        if (out.length() + length > maxChars) {
            overflowed = true;
            throw new HandlebarsLimits.LimitReached("template output limit reached");
        }
        out.append(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) {
        HandlebarsLimits.checkTime();
        if (out.length() + length > maxChars) {
            overflowed = true;
            throw new HandlebarsLimits.LimitReached("template output limit reached");
        }
        out.append(text, offset, offset + length);
    }

    boolean overflowed() {
        return overflowed;
    }

    @Override
    public void flush() {
        // nothing to flush: the output stays in memory
    }

    @Override
    public void close() {
        // nothing to close
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
