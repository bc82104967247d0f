package io.hookline.dispatcher.order;

import io.hookline.contracts.delivery.DeliveryJob;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Per-subject order for one endpoint with {@code ordering: subject}: a job may go only when no earlier job of its
 * subject (earlier in the same {@code domain-events} partition, see {@link SubjectPosition#precedes}) is busy here
 * (in flight, or until its outcome or hold is written) or held for a retry. Busy jobs are known only to this lane;
 * holds come from {@link SubjectHolds}, which every instance shares. Not thread-safe: the lane guards it.
 */
public final class SubjectOrder {

    /** What a job of an ordered endpoint may do now. */
    public sealed interface Gate permits Go, Wait, WaitUntil {
    }

    public record Go() implements Gate {
    }

    /** An earlier job is busy here: stay queued, it settles soon. */
    public record Wait() implements Gate {
    }

    /** An earlier job waits for a retry: put this one aside until then. */
    public record WaitUntil(Instant dueAt) implements Gate {
    }

    private static final Gate GO = new Go();
    private static final Gate WAIT = new Wait();
    private static final NavigableSet<SubjectPosition> EMPTY = new TreeSet<>();

    private final Map<String, NavigableSet<SubjectPosition>> busy = new HashMap<>();
    private final BiFunction<DeliveryJob, Instant, List<SubjectHold>> heldBefore;

    /** @param heldBefore the holds on earlier jobs of a job's subject at its endpoint, see {@link SubjectHolds} */
    public SubjectOrder(BiFunction<DeliveryJob, Instant, List<SubjectHold>> heldBefore) {
        this.heldBefore = heldBefore;
    }

    public Gate gate(DeliveryJob job, Instant now) {
        NavigableSet<SubjectPosition> subject = busy.getOrDefault(job.eventSubject(), EMPTY);
        if (subject.contains(SubjectPosition.of(job))) {
            // Its retry came back before its previous attempt settled (the hold is still being written): starting
            // now would let that late hold outlive the job and stall the subject.
            return WAIT;
        }
        Instant latestDue = null;
        for (SubjectHold hold : heldBefore.apply(job, now)) {
            // A held job that is back and in flight here counts as busy: it settles soon, no need to wait for its due.
            if (!subject.contains(hold.place()) && (latestDue == null || hold.dueAt().isAfter(latestDue))) {
                latestDue = hold.dueAt();
            }
        }
        if (latestDue != null) {
            return new WaitUntil(latestDue);
        }
        SubjectPosition place = SubjectPosition.of(job);
        return subject.headSet(place, false).stream().anyMatch(earlier -> earlier.precedes(place)) ? WAIT : GO;
    }

    /** The job is in flight, or being put aside: later jobs of its subject wait here until it settles. */
    public void busy(DeliveryJob job) {
        busy.computeIfAbsent(job.eventSubject(), subject -> new TreeSet<>()).add(SubjectPosition.of(job));
    }

    /** The job settled: it is done, or its hold is written and visible. */
    public void settled(DeliveryJob job) {
        NavigableSet<SubjectPosition> subject = busy.get(job.eventSubject());
        if (subject != null) {
            subject.remove(SubjectPosition.of(job));
            if (subject.isEmpty()) {
                busy.remove(job.eventSubject());
            }
        }
    }
}
