package io.jobdrop.store;

import java.time.Instant;

/** One recorded version of a job: where it came from and the submission that is (or was) forwarded. */
public record JobVersion(long version, String source, Instant createdAt, String specJson) {
}
