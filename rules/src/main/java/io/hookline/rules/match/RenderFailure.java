package io.hookline.rules.match;

import io.hookline.rules.template.TemplateError;

/**
 * Why one webhook could not be evaluated or rendered for one event.
 *
 * @param field            the rule or template that failed ({@code data}, {@code headers.X-Team},
 *                         {@code trigger_template}, {@code filter}, ...); null for an internal error
 * @param transientFailure the cause is a condition of Hookline itself, so the same evaluation may succeed later and
 *                         must be tried again, never reported as the webhook's failure: a render that ran out of
 *                         wall-clock time (under CPU starvation that says nothing about the template), or an internal
 *                         error. Otherwise the webhook's rules are wrong for this event (bad syntax, a sandbox
 *                         violation, output too large or of the wrong shape) and it fails at once.
 */
public record RenderFailure(String field, TemplateError error, boolean transientFailure) {

    public static RenderFailure of(String field, TemplateError error) {
        return new RenderFailure(field, error, TemplateError.TIMEOUT.equals(error.kind()));
    }

    public static RenderFailure internal(RuntimeException e) {
        return new RenderFailure(null, new TemplateError(TemplateError.INTERNAL, "internal error: " + e, 0, 0), true);
    }

    /** One line for logs and records, e.g. {@code data: line 1, column 4: ...}. */
    public String message() {
        return field == null ? error.describe() : field + ": " + error.describe();
    }
}
