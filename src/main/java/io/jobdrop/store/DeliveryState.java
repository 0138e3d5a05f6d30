package io.jobdrop.store;

/** Where a job stands with the orchestrator: waiting in the outbox, accepted by it, or a dead letter. */
public enum DeliveryState {
    QUEUED("queued"), SUBMITTED("submitted"), DEAD("dead");

    private final String wireName;

    DeliveryState(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the database, on the command line and in the API. */
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name; the message lists the valid names so a command-line user can correct the input. */
    public static DeliveryState parse(String wireName) {
        for (DeliveryState d : values()) {
            if (d.wireName.equals(wireName)) {
                return d;
            }
        }
        throw new IllegalArgumentException(
                "unknown delivery state '" + wireName + "': expected queued, submitted or dead");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
