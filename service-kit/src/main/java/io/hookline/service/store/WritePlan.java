package io.hookline.service.store;

import java.util.List;

/** What one write operation decided after reading the current state: the records to write and what to answer. */
public record WritePlan<R>(List<TopicWrite> writes, R result) {

    public WritePlan {
        writes = List.copyOf(writes);
    }

    public static <R> WritePlan<R> of(TopicWrite write, R result) {
        return new WritePlan<>(List.of(write), result);
    }

    /** The operation found nothing to change. */
    public static <R> WritePlan<R> nothing(R result) {
        return new WritePlan<>(List.of(), result);
    }
}
