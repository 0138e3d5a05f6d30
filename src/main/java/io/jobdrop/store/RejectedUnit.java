package io.jobdrop.store;

/**
 * An intake unit with the text it was judged on: kept for a rejected unit (its report marks the lines its errors
 * point at), null for an accepted one and for one rejected without being read (too large, unreadable).
 */
public record RejectedUnit(IntakeRecord unit, String text) {
}
