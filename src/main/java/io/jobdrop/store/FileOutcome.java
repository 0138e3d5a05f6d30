package io.jobdrop.store;

import java.util.List;

/**
 * The result of recording one intake unit. {@code alreadyRecorded} means the claim existed (a restart after a crash
 * between commit and move, or another instance took the file): the disposition is the recorded one and
 * {@code changes} is empty, because nothing was changed this time.
 */
public record FileOutcome(Disposition disposition, boolean alreadyRecorded, List<JobChange> changes) {
}
