package io.jobdrop.store;

import java.time.Instant;

/** What one webhook attempt decided. {@code status} is the HTTP status, null when no answer came. */
public sealed interface NotificationOutcome {

    Integer status();

    /** The receiver answered 2xx: the row is settled. */
    record Delivered(Integer status) implements NotificationOutcome {
    }

    /** Not delivered yet: tried again at {@code notBefore}. */
    record Retry(Integer status, String error, Instant notBefore) implements NotificationOutcome {
    }

    /** Not delivered and not tried again (a 4xx, too many attempts, too old): kept as failed. */
    record GivenUp(Integer status, String error) implements NotificationOutcome {
    }

    /** The wire name used in logs and metrics. */
    default String wireName() {
        if (this instanceof Delivered) {
            return "delivered";
        }
        return this instanceof Retry ? "retry" : "given_up";
    }
}
