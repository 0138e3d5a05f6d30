package io.jobdrop.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The runs of the double's jobs: each submission that stores a version, and each rerun, starts a run with one
 * execution; the states are read from the time since the run started (spec §14 and the Execution object of §16.1), so
 * nothing ticks in the background. ComputeState and DesiredState StateTypes are integers on the wire, as Bacalhau
 * sends them; the job's own StateType is a string.
 */
final class JobRuns {

    // models.ExecutionStateType (spec §16.1): Undefined, New, AskForBid, AskForBidAccepted, AskForBidRejected,
    // BidAccepted, Running, Publishing, BidRejected, Completed, Failed, Cancelled
    static final int COMPUTE_BID_ACCEPTED = 5;
    static final int COMPUTE_RUNNING = 6;
    static final int COMPUTE_COMPLETED = 9;
    static final int COMPUTE_FAILED = 10;
    static final int COMPUTE_CANCELLED = 11;
    // models.ExecutionDesiredStateType: Pending, Running, Stopped
    static final int DESIRED_RUNNING = 1;
    static final int DESIRED_STOPPED = 2;

    private record Run(String executionId, String evalId, long jobVersion, long startedNanos, long startedWallNanos,
                       String node, long[] supersededNanos) {
    }

    /** What a job looks like now: its state, the message with it, and its executions, oldest first. */
    record Now(String state, String message, List<ObjectNode> executions) {
    }

    private final Map<String, List<Run>> runs = new HashMap<>();
    private final LongSupplier nanoTime;
    private final LongSupplier wallNanos;

    JobRuns(LongSupplier nanoTime, LongSupplier wallNanos) {
        this.nanoTime = nanoTime;
        this.wallNanos = wallNanos;
    }

    /** A stored version or a rerun: a new run, and the one before it, if still going, is cancelled. */
    synchronized void start(String jobId, long jobVersion, String node) {
        List<Run> jobRuns = runs.computeIfAbsent(jobId, id -> new ArrayList<>());
        long now = nanoTime.getAsLong();
        if (!jobRuns.isEmpty()) {
            // the run before stops where it is now: its age is frozen at this moment
            jobRuns.get(jobRuns.size() - 1).supersededNanos()[0] = now;
        }
        jobRuns.add(new Run("e-" + UUID.randomUUID(), UUID.randomUUID().toString(), jobVersion, now,
                wallNanos.getAsLong(), node, new long[] {Long.MAX_VALUE}));
    }

    /** The job's state now; Pending without executions when no lifecycle is set (the double's old behaviour). */
    synchronized Now now(ObjectNode job, Lifecycle lifecycle) {
        List<Run> jobRuns = runs.getOrDefault(DoubleJson.text(job, "ID"), List.of());
        if (lifecycle == null || jobRuns.isEmpty()) {
            return new Now("Pending", "", List.of());
        }
        String name = DoubleJson.text(job, "Name");
        boolean longRunning = switch (DoubleJson.text(job, "Type")) {
            case "daemon", "service" -> true;
            default -> lifecycle.staysRunning(name);
        };
        boolean fails = lifecycle.fails(name);
        List<ObjectNode> executions = new ArrayList<>();
        Now latest = null;
        for (int i = 0; i < jobRuns.size(); i++) {
            Run run = jobRuns.get(i);
            boolean superseded = i < jobRuns.size() - 1;
            Duration age = Duration.ofNanos(Math.min(nanoTime.getAsLong(), run.supersededNanos()[0])
                    - run.startedNanos());
            if (age.compareTo(lifecycle.runningAfter()) < 0) {
                // not placed on a node yet: no execution
                if (!superseded) {
                    latest = new Now(age.compareTo(lifecycle.queuedAfter()) < 0 ? "Pending" : "Queued", "", List.of());
                }
                continue;
            }
            boolean ended = !longRunning && age.compareTo(lifecycle.endsAfter(name)) >= 0;
            ObjectNode execution = execution(job, run, lifecycle, ended, fails, superseded && !ended);
            executions.add(execution);
            if (!superseded) {
                latest = !ended ? new Now("Running", "", List.of())
                        : fails ? new Now("Failed", "execution " + run.executionId() + " on node " + run.node()
                        + " failed: exit status 1", List.of())
                        : new Now("Completed", "", List.of());
            }
        }
        return new Now(latest.state(), latest.message(), executions);
    }

    private ObjectNode execution(ObjectNode job, Run run, Lifecycle lifecycle, boolean ended, boolean fails,
                                 boolean cancelled) {
        long created = run.startedWallNanos() + lifecycle.runningAfter().toNanos();
        long modified = ended ? run.startedWallNanos() + lifecycle.endsAfter(DoubleJson.text(job, "Name")).toNanos()
                : created;
        ObjectNode e = DoubleJson.MAPPER.createObjectNode();
        e.put("ID", run.executionId());
        e.put("Namespace", DoubleJson.text(job, "Namespace"));
        e.put("EvalID", run.evalId());
        e.put("Name", "");
        e.put("NodeID", run.node());
        e.put("JobID", DoubleJson.text(job, "ID"));
        e.put("JobVersion", run.jobVersion());
        e.putObject("AllocatedResources").putObject("Tasks");
        int compute = cancelled ? COMPUTE_CANCELLED
                : !ended ? COMPUTE_RUNNING : fails ? COMPUTE_FAILED : COMPUTE_COMPLETED;
        e.putObject("DesiredState").put("StateType", ended || cancelled ? DESIRED_STOPPED : DESIRED_RUNNING)
                .put("Message", ended ? "execution completed" : cancelled ? "job rerun" : "");
        e.putObject("ComputeState").put("StateType", compute)
                .put("Message", fails && ended ? "exit status 1" : "");
        ObjectNode published = e.putObject("PublishedResult");
        if (ended && !fails) {
            published.put("Type", "local");
            published.putObject("Params").put("URL", "http://" + run.node() + ":6001/" + run.executionId() + ".tar.gz");
        } else {
            published.put("Type", "");
            published.putNull("Params");
        }
        if (ended) {
            ObjectNode output = e.putObject("RunOutput");
            String name = DoubleJson.text(job, "Name");
            output.put("Stdout", fails ? "" : "hello from " + name + " (version " + run.jobVersion() + ")\n");
            output.put("StdoutTruncated", false);
            output.put("stderr", fails ? name + ": something went wrong\n" : "");
            output.put("StderrTruncated", false);
            output.put("ExitCode", fails ? 1 : 0);
            output.put("ErrorMsg", fails ? "exit status 1" : "");
        } else {
            e.putNull("RunOutput");
        }
        e.put("PreviousExecution", "");
        e.put("NextExecution", "");
        e.put("FollowupEvalID", "");
        e.put("Revision", ended ? 3 : 2);
        e.put("CreateTime", created);
        e.put("ModifyTime", modified);
        return e;
    }

    static ArrayNode items(List<ObjectNode> executions) {
        ArrayNode items = DoubleJson.MAPPER.createArrayNode();
        executions.forEach(items::add);
        return items;
    }
}
