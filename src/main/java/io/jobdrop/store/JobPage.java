package io.jobdrop.store;

import java.util.List;

/** One page of jobs, newest first; {@code next} is null on the last page. */
public record JobPage(List<JobSummary> items, JobCursor next) {
}
