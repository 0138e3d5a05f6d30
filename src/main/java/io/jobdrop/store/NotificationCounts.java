package io.jobdrop.store;

/**
 * The notification outbox at a glance: {@code pending} (still to be delivered, retries included), {@code failed}
 * (given up) and {@code delivered}.
 */
public record NotificationCounts(long pending, long failed, long delivered) {
}
