package io.hookline.dispatcher.endpoint;

/** A job taken from a partition this instance owns, for as long as it owns it. */
public interface JobLease {

    /** The partition went to another instance, which reads the job again: it is not sent, retried or put aside here. */
    boolean revoked();

    /** The job's outcome (or its deferral) is safely written: its offset may be committed. */
    void finished();
}
