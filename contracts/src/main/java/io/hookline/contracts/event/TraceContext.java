package io.hookline.contracts.event;

import java.util.regex.Pattern;

/**
 * The W3C trace context an event carries in the CloudEvents distributed-tracing extension, passed on unchanged to every
 * request made for the event and to its attempt records, so the receiver's trace joins the producer's.
 * {@link #NONE} when the event has none.
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final TraceContext NONE = new TraceContext(null, null);
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    private static final int MAX_TRACESTATE = 512;
    // version-traceid-parentid-flags; later versions may append fields after a dash.
    private static final Pattern TRACEPARENT_FORM =
            Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}(-[\\x21-\\x7e]{0,200})?");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7e]*");

    public TraceContext {
        traceparent = blankToNull(traceparent);
        tracestate = traceparent == null ? null : blankToNull(tracestate);
    }

    /**
     * The context, or {@link #NONE} when {@code traceparent} is absent or not in the W3C form (a {@code tracestate}
     * alone means nothing). A {@code tracestate} over the W3C limit of 512 characters, or not printable ASCII, is left
     * out: both become HTTP headers.
     */
    public static TraceContext of(String traceparent, String tracestate) {
        if (traceparent == null || !TRACEPARENT_FORM.matcher(traceparent).matches()) {
            return NONE;
        }
        boolean stateFits = tracestate != null && tracestate.length() <= MAX_TRACESTATE
                && PRINTABLE.matcher(tracestate).matches();
        return new TraceContext(traceparent, stateFits ? tracestate : null);
    }

    public static TraceContext orNone(TraceContext trace) {
        return trace == null ? NONE : trace;
    }

    public boolean isPresent() {
        return traceparent != null;
    }

    /** The trace id (32 hex digits) of {@code traceparent}, or null when it has none in the W3C format. */
    public String traceId() {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        return parts.length >= 4 && parts[1].length() == 32 ? parts[1] : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
