package io.hookline.dispatcher.consumer;

import io.hookline.dispatcher.endpoint.JobLease;
import java.util.Queue;

/**
 * A job's hold on its offset, in the partition's offsets as they were when the job was taken: if the partition is
 * revoked and assigned to this instance again, a late completion never touches the new owner's offsets, where the
 * same job, read again, is unfinished.
 */
final class OffsetLease implements JobLease {

    private final PartitionOffsets partition;
    private final long offset;
    private final Queue<OffsetLease> finished;

    /** @param finished where completions wait for the poll thread, which alone applies them */
    OffsetLease(PartitionOffsets partition, long offset, Queue<OffsetLease> finished) {
        this.partition = partition;
        this.offset = offset;
        this.finished = finished;
    }

    @Override
    public boolean revoked() {
        return partition.isRevoked();
    }

    @Override
    public void finished() {
        finished.add(this);
    }

    /** On the poll thread. */
    void apply() {
        partition.finished(offset);
    }
}
