package io.jobdrop.notify;

import io.jobdrop.store.Notification;

/**
 * What one POST of a notification came back with: the status and {@code Retry-After}, or (status null) the failure
 * to get an answer, in words. {@code error} says what went wrong for a non-2xx answer too (status and body start).
 * {@code sent} is false for a notification that was not sent at all (past its maximum age).
 */
public record WebhookAnswer(Notification notification, boolean sent, Integer status, String retryAfter, String error,
                            long latencyMs) {

    /** An answer from the receiver, or the failure to get one. */
    public WebhookAnswer(Notification notification, Integer status, String retryAfter, String error, long latencyMs) {
        this(notification, true, status, retryAfter, error, latencyMs);
    }

    /** Not sent, for this reason. */
    public static WebhookAnswer unsent(Notification notification, String reason) {
        return new WebhookAnswer(notification, false, null, null, reason, 0);
    }
}
