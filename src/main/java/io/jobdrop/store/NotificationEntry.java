package io.jobdrop.store;

import java.time.Instant;

/**
 * A notification as the status API lists it: its state ({@code pending}, {@code failed}, {@code delivered}), the
 * attempts made, when it is due next (pending) or when it was settled, and the last answer or error.
 */
public record NotificationEntry(String id, String eventId, String url, String type, String subject, String state,
                                int attempts, Instant createdAt, Instant nextAttemptAt, Instant settledAt,
                                Integer lastStatus, String lastError) {
}
