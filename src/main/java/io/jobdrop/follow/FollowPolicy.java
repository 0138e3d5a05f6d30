package io.jobdrop.follow;

import java.time.Duration;

/**
 * How jobs are followed: the first poll {@code firstPoll} after delivery, then intervals doubling up to
 * {@code maxInterval}; given up (state {@code unknown}) after {@code maxAge}; stdout and stderr kept up to
 * {@code outputBytes}; at most {@code batch} polls claimed per round, a round at most every {@code pollInterval} (so
 * never more than batch / pollInterval requests per second, whatever the number of jobs); a claimed poll not reported
 * back within {@code lease} is claimed again; 401/403 pause polling (and forwarding) for {@code authPause}.
 */
public record FollowPolicy(Duration firstPoll, Duration maxInterval, Duration maxAge, int outputBytes, int batch,
                           Duration pollInterval, Duration lease, Duration authPause) {

    public FollowPolicy {
        if (firstPoll.isNegative() || firstPoll.isZero() || maxInterval.compareTo(firstPoll) < 0) {
            throw new IllegalArgumentException("follow intervals must be positive and max-interval at least the first "
                    + "poll, got " + firstPoll + " and " + maxInterval);
        }
        if (outputBytes < 0 || batch < 1) {
            throw new IllegalArgumentException("follow output-bytes must be >= 0 and batch >= 1");
        }
    }

    /** The wait after the {@code polls}-th answer that did not end the job: first poll × 2^polls, at most the max. */
    public Duration intervalAfter(int polls) {
        Duration interval = firstPoll;
        for (int i = 0; i < polls && interval.compareTo(maxInterval) < 0; i++) {
            interval = interval.multipliedBy(2);
        }
        return interval.compareTo(maxInterval) > 0 ? maxInterval : interval;
    }

    /** The most polls per second this policy can send: one batch per round. */
    public double maxRequestsPerSecond() {
        return batch * 1000.0 / Math.max(1, pollInterval.toMillis());
    }
}
