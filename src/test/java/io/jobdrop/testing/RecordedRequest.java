package io.jobdrop.testing;

import java.time.Instant;

/**
 * One request the double answered.
 *
 * @param status       the status it answered with
 * @param arrivedAt    wall-clock arrival, for reading logs
 * @param arrivedNanos {@link System#nanoTime()} at arrival, for measuring the spacing of retries
 * @param jobName      the submitted job's Name as sent, or null when the request carried no readable job
 */
public record RecordedRequest(String method, String path, int status, Instant arrivedAt, long arrivedNanos,
                              String jobName) {
}
