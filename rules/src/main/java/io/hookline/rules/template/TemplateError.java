package io.hookline.rules.template;

/**
 * One template problem, located by 1-based line and column (0 when the engine could not tell).
 *
 * @param kind {@code syntax} (found when compiling), {@code render} (an error while rendering), {@code sandbox}
 *             (a forbidden construct), {@code output_too_large}, {@code timeout}, or {@code internal} (a fault of
 *             Hookline's own code, not of the template)
 */
public record TemplateError(String kind, String message, int line, int column) {

    public static final String SYNTAX = "syntax";
    public static final String RENDER = "render";
    public static final String SANDBOX = "sandbox";
    public static final String OUTPUT_TOO_LARGE = "output_too_large";
    public static final String TIMEOUT = "timeout";
    public static final String INTERNAL = "internal";

    /** A one-line description such as {@code line 2, column 5: unknown tag 'endfor'}. */
    public String describe() {
        return line > 0 ? "line " + line + ", column " + Math.max(column, 1) + ": " + message : message;
    }
}
