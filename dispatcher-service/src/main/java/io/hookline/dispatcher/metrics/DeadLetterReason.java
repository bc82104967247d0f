package io.hookline.dispatcher.metrics;

import java.util.List;

/** Why a job went to {@code webhook-deliveries-dlq}, as its {@code error} header says. */
public final class DeadLetterReason {

    public static final String EXHAUSTED = "exhausted";
    public static final String UNREADABLE = "unreadable";
    public static final String OVERSIZED = "oversized";
    static final String OTHER = "other";
    static final List<String> ALL = List.of(EXHAUSTED, UNREADABLE, OVERSIZED, OTHER);

    private DeadLetterReason() {
    }
}
