package io.jobdrop.store;

import java.time.Instant;

/** One entry of the history. {@code jobId}, {@code version} and the names are null where no job is concerned. */
public record JobEvent(long id, String jobId, String namespace, String name, Long version, EventType type,
                       String source, String detail, Instant at) {
}
