package io.hookline.log.topology;

/** The names of the log-service's state stores; their changelog topics are named after them. */
public final class LogStores {

    /** Window store: webhook id, at the attempt's time, to a small {@link IndexEntry}. Newest-first pages and stats. */
    public static final String ATTEMPT_INDEX = "log-attempt-index";

    /** Window store: delivery id, at the attempt's time, to the whole attempt as written by the dispatcher. */
    public static final String ATTEMPT_RECORDS = "log-attempt-records";

    /** Key-value store: webhook id to its {@link WebhookState} (last success and failure, circuit, 410). */
    public static final String WEBHOOK_STATE = "log-webhook-state";

    private LogStores() {
    }
}
