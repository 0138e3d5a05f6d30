package io.jobdrop.notify;

import io.jobdrop.store.Notification;

/**
 * What one POST of a notification came back with: the status and {@code Retry-After}, or (status null) the failure
 * to get an answer, in words. {@code error} says what went wrong for a non-2xx answer too (status and body start).
 */
public record WebhookAnswer(Notification notification, Integer status, String retryAfter, String error,
                            long latencyMs) {
}
