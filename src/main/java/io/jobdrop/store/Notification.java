package io.jobdrop.store;

import java.time.Instant;

/**
 * A claimed notification: one CloudEvent ({@code payload}, sent as is) for one webhook URL. {@code eventId} is the
 * CloudEvent id, the same on every redelivery; {@code attempts} counts the attempts made before this one.
 */
public record Notification(String id, String eventId, String url, String type, String subject, String payload,
                           int attempts, Instant createdAt) {
}
