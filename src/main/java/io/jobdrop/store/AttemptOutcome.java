package io.jobdrop.store;

/** How one forward attempt ended, as the attempts table records it. */
public enum AttemptOutcome {
    SUBMITTED("submitted"), ALREADY_PRESENT("already_present"), REJECTED("rejected"), RETRY("retry"), DEAD("dead");

    private final String wireName;

    AttemptOutcome(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static AttemptOutcome of(Delivery delivery) {
        if (delivery instanceof Delivery.Submitted) {
            return SUBMITTED;
        } else if (delivery instanceof Delivery.AlreadyPresent) {
            return ALREADY_PRESENT;
        } else if (delivery instanceof Delivery.Rejected) {
            return REJECTED;
        } else if (delivery instanceof Delivery.Retry || delivery instanceof Delivery.RerunUnsupported) {
            return RETRY;
        } else if (delivery instanceof Delivery.RerunRefused) {
            return REJECTED;
        }
        return DEAD;
    }

    static AttemptOutcome fromColumn(String column) {
        for (AttemptOutcome o : values()) {
            if (o.wireName.equals(column)) {
                return o;
            }
        }
        throw new IllegalStateException("unknown outcome in forward_attempts: " + column);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
