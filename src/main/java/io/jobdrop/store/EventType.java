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
    /** The orchestrator runs the job (following); the detail holds the orchestrator's State.Message. */
    RUNNING("running"),
    /** The orchestrator says the job completed; the detail holds its State.Message. */
    COMPLETED("completed"),
    /** The orchestrator says the job failed; the detail holds its State.Message. */
    FAILED("failed"),
    /** The orchestrator says the job was stopped; the detail holds its State.Message. */
    STOPPED("stopped"),
    /** Following gave up (past jobdrop.follow.max-age, or the orchestrator no longer knows the job). */
    UNKNOWN("unknown"),
    /** A user asked for the job to run again; the rerun goes out through the outbox. */
    RERUN("rerun");

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
