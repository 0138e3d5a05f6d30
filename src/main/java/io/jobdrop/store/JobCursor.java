package io.jobdrop.store;

/** Where a page of jobs ended: the last job's CreateTime (Unix nanoseconds) and ID; the next page starts below it. */
public record JobCursor(long createTime, String id) {
}
