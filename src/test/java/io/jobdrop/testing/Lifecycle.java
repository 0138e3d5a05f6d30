package io.jobdrop.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the double's jobs move once stored (spec §14, §16.1): Pending, then Queued after {@code queuedAfter}, Running
 * after {@code runningAfter}, and Completed or Failed after {@code endsAfter}, each counted from the submission or
 * rerun that started the run. Batch and ops jobs end; daemon and service jobs stay Running. A job whose Name matches
 * {@code failing} fails (exit code 1), one matching {@code stuck} never leaves Running, one matching {@code slow}
 * stays Running ten times as long before it ends.
 */
public record Lifecycle(Duration queuedAfter, Duration runningAfter, Duration endsAfter, Pattern failing,
                        Pattern stuck, Pattern slow) {

    private static final Pattern NOTHING = Pattern.compile("(?!)");

    public Lifecycle {
        Objects.requireNonNull(failing, "failing");
        Objects.requireNonNull(stuck, "stuck");
        Objects.requireNonNull(slow, "slow");
        if (queuedAfter.isNegative() || runningAfter.compareTo(queuedAfter) < 0 || endsAfter.compareTo(runningAfter) < 0) {
            throw new IllegalArgumentException("lifecycle delays must grow: queued " + queuedAfter + ", running "
                    + runningAfter + ", ends " + endsAfter);
        }
    }

    /** Each state lasts {@code step}: Queued after one step, Running after two, ended after three. */
    public static Lifecycle steps(Duration step) {
        return new Lifecycle(step, step.multipliedBy(2), step.multipliedBy(3), NOTHING, NOTHING, NOTHING);
    }

    /** Jobs whose Name matches {@code regex} (anywhere in the name) end Failed, with exit code 1. */
    public Lifecycle failing(String regex) {
        return new Lifecycle(queuedAfter, runningAfter, endsAfter, Pattern.compile(regex), stuck, slow);
    }

    /** Jobs whose Name matches {@code regex} reach Running and stay there. */
    public Lifecycle stuck(String regex) {
        return new Lifecycle(queuedAfter, runningAfter, endsAfter, failing, Pattern.compile(regex), slow);
    }

    /** Jobs whose Name matches {@code regex} stay Running ten times as long as the others. */
    public Lifecycle slow(String regex) {
        return new Lifecycle(queuedAfter, runningAfter, endsAfter, failing, stuck, Pattern.compile(regex));
    }

    /** When a run of the job named so ends, counted from its start. */
    Duration endsAfter(String name) {
        return slow.matcher(name).find() ? runningAfter.plus(endsAfter.minus(runningAfter).multipliedBy(10)) : endsAfter;
    }

    boolean fails(String name) {
        return failing.matcher(name).find();
    }

    boolean staysRunning(String name) {
        return stuck.matcher(name).find();
    }
}
