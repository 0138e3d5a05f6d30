package io.jobdrop.store;

/** The kinds of entries in a job's history. */
public enum EventType {
    /** A file or object version was claimed (no job yet). */
    RECEIVED("received"),
    /** A new job was recorded. */
    ACCEPTED("accepted"),
    /** A file failed validation; the detail holds its errors. */
    REJECTED("rejected"),
    /** A new version of an existing job was recorded. */
    UPDATED("updated"),
    /** The same spec arrived again; nothing is forwarded. */
    UNCHANGED("unchanged"),
    /** The orchestrator has the version (stored now, or already present). */
    FORWARDED("forwarded"),
    /** An attempt did not get the version stored; the detail says why and the outbox says when it is retried. */
    ATTEMPT_FAILED("attempt_failed"),
    /** The job became a dead letter. */
    DEAD("dead"),
    /** A dead letter was put back into the outbox. */
    REPLAYED("replayed"),
    /** The orchestrator reports the job running (followed jobs; not notified). */
    RUNNING("running"),
    /** The orchestrator reports the job completed; notified as {@code io.jobdrop.job.completed}. */
    COMPLETED("completed"),
    /** The orchestrator reports the job failed; notified as {@code io.jobdrop.job.failed}. */
    FAILED("failed"),
    /** The orchestrator reports the job stopped; notified as {@code io.jobdrop.job.stopped}. */
    STOPPED("stopped"),
    /** Following gave up before the job ended (its maximum age); not notified. */
    UNKNOWN("unknown");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static EventType fromColumn(String column) {
        for (EventType t : values()) {
            if (t.wireName.equals(column)) {
                return t;
            }
        }
        throw new IllegalStateException("unknown event type in job_events: " + column);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
